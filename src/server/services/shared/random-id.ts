import { randomBytes } from "node:crypto";

// Crockford's base32 without I, L, O, U: readable when an operator reads an id aloud.
export const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
export const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

export function randomFrom(alphabet: string, length: number): string {
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
export function sortableId(): string {
  let time = Date.now();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  return head + randomFrom(CROCKFORD, 16);
}

