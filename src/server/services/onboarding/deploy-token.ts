import { createHash, randomBytes } from "node:crypto";

/** Prefix of the token a deploy workflow run calls back with, so the principal resolver can tell it apart. */
export const DEPLOY_TOKEN_PREFIX = "odt_";

export function mintDeployToken(): { token: string; tokenHash: string } {
  const token = DEPLOY_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashDeployToken(token) };
}

export function hashDeployToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
