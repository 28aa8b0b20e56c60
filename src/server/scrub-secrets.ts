/** `scheme://user:password@` in URLs (database, SMTP, object store connection strings). */
const CREDENTIALS_IN_URL = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s:@/]+:[^\s@/]+@/gi;
/** Bearer tokens and Embark keys written into a message. */
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const EMBARK_KEY = /\bemb_[A-Za-z0-9_-]{8,}/g;
/** A provision job's callback token. */
const CALLBACK_TOKEN = /\bpjt_[A-Za-z0-9_-]{8,}/g;

/** An appliance's check-in credential. */
const APPLIANCE_CREDENTIAL = /\bapc_[A-Za-z0-9_.-]{8,}/g;
/** A JWT (licences): three base64url parts, the first a JSON header. */
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;
/** An install code as shown (XXXX-XXXX-XXXX), not part of a longer dashed token such as a UUID. */
const INSTALL_CODE = /(?<![0-9A-Za-z-])[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}(?![0-9A-Za-z-])/gi;

/**
 * Masks credentials that end up inside free text — error messages and stacks
 * from drivers quote connection strings — which path-based redaction cannot see.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(CREDENTIALS_IN_URL, "$1[redacted]@")
    .replace(BEARER, "$1[redacted]")
    .replace(EMBARK_KEY, "emb_[redacted]")
    .replace(CALLBACK_TOKEN, "pjt_[redacted]")
    .replace(APPLIANCE_CREDENTIAL, "apc_[redacted]")
    .replace(JWT, "[redacted-jwt]")
    .replace(INSTALL_CODE, "[redacted-install-code]");
}
