import { createHash, randomBytes } from "node:crypto";

/** The digest a bearer token is stored and looked up by (the token itself is never stored). */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** `<prefix>` + 32 random bytes (base64url), and its digest: a token handed out once and checked by digest. */
export function mintBearerToken(prefix: string): { token: string; tokenHash: string } {
  const token = prefix + randomBytes(32).toString("base64url");
  return { token, tokenHash: tokenDigest(token) };
}
