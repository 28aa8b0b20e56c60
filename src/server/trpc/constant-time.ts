import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares two secrets without leaking where they differ. Both sides are
 * hashed first so the comparison length never depends on the input.
 */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash("sha256").update(a, "utf8").digest();
  const db = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(da, db);
}
