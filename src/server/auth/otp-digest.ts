import { createHmac } from "node:crypto";

/**
 * The stored form of a one-time code. A 6-digit code has only a million
 * values, so a plain SHA-256 would be reversed instantly from a database dump;
 * an HMAC keyed with AUTH_SECRET is not.
 */
export function digestOtp(secret: string, otp: string): string {
  return createHmac("sha256", secret).update(`email-otp:${otp}`, "utf8").digest("base64url");
}
