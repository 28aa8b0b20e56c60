import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { logger } from "@/server/logger";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { hasOperatorRole } from "./roles";

export type TOtpType = "sign-in" | "email-verification" | "forget-password" | "change-email";

const CODE_MINUTES = 5;

/**
 * Mails a wizard user their one-time sign-in code through the outbox (marked
 * sensitive, so the body is encrypted at rest). Only sign-in codes are sent,
 * and never to operators: their password must stay the only way into /cp.
 * The answer to the caller is the same either way, so nobody learns which
 * addresses belong to operators.
 */
export async function sendSignInCode(opts: { email: string; otp: string; type: TOtpType; db?: TDbOrTx }): Promise<void> {
  const db = opts.db ?? defaultDb();
  if (opts.type !== "sign-in") {
    logger.warn({ type: opts.type }, "email code of an unsupported type asked for; nothing sent");
    return;
  }
  const existing = await db.user.findUnique({ where: { email: opts.email }, select: { role: true } });
  if (existing && hasOperatorRole(existing.role, "viewer")) {
    logger.info("sign-in code asked for an operator account; nothing sent");
    return;
  }
  await queueEmail({
    to: opts.email,
    subject: "Your Embark sign-in code",
    text: [
      `Your Embark sign-in code is ${opts.otp}`,
      "",
      `It works once and expires in ${CODE_MINUTES} minutes.`,
      "If you did not ask for it, you can ignore this email.",
    ].join("\n"),
    sensitive: true,
    db,
  });
}

/** How long a code stays valid, in seconds (kept in step with the email text). */
export const OTP_EXPIRES_IN_SECONDS = CODE_MINUTES * 60;
