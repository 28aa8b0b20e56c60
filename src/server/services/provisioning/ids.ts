import { createHash, randomBytes, randomUUID } from "node:crypto";

// Crockford's base32 without I, L, O, U: readable when an operator reads an id aloud.
const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomFrom(alphabet: string, length: number): string {
  let out = "";
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** Time-ordered: 10 characters of milliseconds then 16 random (80 bits), like a ULID. */
function sortableId(): string {
  let time = Date.now();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  return head + randomFrom(CROCKFORD, 16);
}

/** `job_` + a sortable random id. */
export const newProvisionJobId = (): string => `job_${sortableId()}`;
/** `trace_` + a sortable random id. */
export const newTraceId = (): string => `trace_${sortableId()}`;
/** `node-<region>-<6 lowercase alphanumerics>`, the id metrics agents use too. */
export const newNodeId = (region: string): string => `node-${region}-${randomFrom(LOWER_ALNUM, 6)}`;
export const newTenantId = (): string => randomUUID();

/** Prefix of per-job callback tokens, so the principal resolver can tell them from API keys. */
export const CALLBACK_TOKEN_PREFIX = "pjt_";

/** A per-job callback token and the digest that is stored. */
export function mintCallbackToken(): { token: string; tokenHash: string } {
  const token = CALLBACK_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashCallbackToken(token) };
}

export function hashCallbackToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
