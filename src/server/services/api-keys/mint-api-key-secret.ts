import { createHash, randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 40 base62 characters carry about 238 bits. */
const SECRET_LENGTH = 40;
export const API_KEY_PREFIX = "emb_";
/** How much of the key is kept in clear so operators can tell keys apart. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 8;

/** Hex SHA-256 of a full API key: the only form of it that is stored. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 248 = 4 * 62: rejecting bytes above it keeps every character equally likely.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** A fresh API key with the parts that are stored: a short prefix and the hash. */
export function mintApiKeySecret(): { key: string; prefix: string; keyHash: string } {
  const key = API_KEY_PREFIX + randomBase62(SECRET_LENGTH);
  return { key, prefix: key.slice(0, SHOWN_LENGTH), keyHash: hashApiKey(key) };
}
