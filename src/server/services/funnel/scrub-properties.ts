import { createHash } from "node:crypto";

/**
 * The privacy rules every funnel event passes on the server, whatever the
 * sender did already: secrets never reach the table, and an email address
 * only as a fingerprint.
 */

/** Words that make a key secret wherever they appear in it (`sessionToken`, `x_password`). */
const SECRET_KEY_PARTS = ["password", "passwd", "passcode", "secret", "token", "jwt", "authorization", "cookie", "bearer", "apikey", "credential"];
/** Short words that make a key secret as a word of their own or at its end (`otp`, `otpCode`, `verificationcode`). */
const SECRET_KEY_WORDS = new Set(["otp", "code", "codes", "pin", "pwd", "auth"]);

const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/i;
/** Embark's own keys and callback tokens, should one be pasted into a property. */
const EMBARK_SECRET = /\b(emb|pjt|dpt)_[A-Za-z0-9_-]{16,}/;
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/g;

/** Nesting deeper than this is dropped rather than walked. */
export const MAX_PROPERTY_DEPTH = 8;

/** SHA-256 (hex) of the trimmed, lowercased address: correlates a person's events without keeping the address. */
export function emailFingerprint(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase(), "utf8").digest("hex");
}

/** The words of a key: `otpCode`, `otp_code`, `otp-code` and `OTP CODE` all give `otp`, `code`. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True for a key whose value must never be stored. */
export function isSecretKey(key: string): boolean {
  const flat = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (SECRET_KEY_PARTS.some((part) => flat.includes(part))) return true;
  const words = keyWords(key);
  if (words.some((w) => SECRET_KEY_WORDS.has(w))) return true;
  return flat.startsWith("otp") || flat.endsWith("otp") || flat.endsWith("code");
}

function isEmailKey(key: string): boolean {
  return keyWords(key).some((w) => w === "email" || w === "mail" || w === "emails");
}

/** True for a value that carries a credential (a JWT, a bearer or basic header, an Embark key). */
export function isSecretValue(value: string): boolean {
  return JWT.test(value) || BEARER.test(value) || EMBARK_SECRET.test(value);
}

/** Every address in free text replaced by `sha256:<fingerprint>`. */
export function fingerprintEmailsIn(text: string): string {
  return text.replace(EMAIL, (address) => `sha256:${emailFingerprint(address)}`);
}

const DROP = Symbol("drop");

function scrubValue(value: unknown, depth: number, emailField: boolean): unknown {
  if (typeof value === "string") {
    if (isSecretValue(value)) return DROP;
    if (emailField && value.includes("@")) return `sha256:${emailFingerprint(value)}`;
    return fingerprintEmailsIn(value);
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (depth >= MAX_PROPERTY_DEPTH) return DROP;
  if (Array.isArray(value)) {
    return value.map((v) => scrubValue(v, depth + 1, emailField)).filter((v) => v !== DROP);
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (isSecretKey(key)) continue;
      const clean = scrubValue(v, depth + 1, isEmailKey(key));
      if (clean !== DROP) out[key] = clean;
    }
    return out;
  }
  // undefined, functions, bigints: nothing JSON can carry.
  return DROP;
}

/**
 * Properties as they may be stored: keys that name secrets (any case, any
 * depth, inside arrays too) and values that look like credentials are
 * dropped; an email, as a field or inside a value, becomes its fingerprint.
 */
export function scrubProperties(properties: Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (!properties) return {};
  const clean = scrubValue(properties, 0, false);
  return clean === DROP ? {} : (clean as Record<string, unknown>);
}
