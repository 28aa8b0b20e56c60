import { createHmac } from "node:crypto";
import { env } from "@/env";

/** Purpose of sealed install codes and sealed redeem answers (their own keys, see sealed-body.ts). */
export const SEALED_CODE_PURPOSE = "install-code-v1";
export const SEALED_ANSWER_PURPOSE = "install-code-answer-v1";

/** The stored form of an install code: an HMAC keyed with AUTH_SECRET, so a database dump cannot be tried offline. */
export function digestInstallCode(normalised: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`install-code:${normalised}`, "utf8").digest("base64url");
}
