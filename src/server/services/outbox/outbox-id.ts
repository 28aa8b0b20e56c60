import { randomBytes } from "node:crypto";
import { z } from "zod";

// Lower-case Crockford base32: no ambiguous letters, safe in URLs and logs.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Outbox message ids: `msg_` and 26 random base32 characters (130 bits). */
export const ZOutboxId = z.string().regex(/^msg_[0-9a-hjkmnp-tv-z]{26}$/, "not an outbox message id");

export function newOutboxId(): string {
  const bytes = randomBytes(26);
  let out = "msg_";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
