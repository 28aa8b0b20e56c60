import { hashPassword, verifyPassword } from "better-auth/crypto";
import { AUTH_RATE_LIMITS } from "@/server/auth/auth-rate-limits";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import { consumeRateLimit, refundRateLimit } from "@/server/services/rate-limits/consume-rate-limit";
import { CREDENTIAL_PROVIDER } from "./operator-summary";
import { replacePassword } from "./replace-password";

/**
 * A signed-in operator changes their own password, proving the current one.
 * Wrong current passwords count against the same per-account budget as
 * sign-in (TOO_MANY_REQUESTS past it; BAD_REQUEST for a wrong one). Every
 * session of the account ends, this one too: the operator signs in again.
 */
export async function changeOwnPassword(opts: {
  db?: TDb;
  user: { id: string; email: string };
  currentPassword: string;
  newPassword: string;
  requestId?: string;
}): Promise<void> {
  const db = opts.db ?? defaultDb();
  const budget = { key: `sign-in:account:${opts.user.email.toLowerCase()}`, rule: AUTH_RATE_LIMITS.attemptsPerAccount };
  const spent = await consumeRateLimit(budget);
  if (!spent.allowed) {
    throw new AppError("TOO_MANY_REQUESTS", {
      message: `Too many wrong passwords. Try again in ${spent.retryAfterSeconds} seconds.`,
      details: { retryAfterSeconds: spent.retryAfterSeconds },
    });
  }
  const account = await db.account.findFirst({
    where: { userId: opts.user.id, providerId: CREDENTIAL_PROVIDER },
    select: { password: true },
  });
  if (!account?.password || !(await verifyPassword({ hash: account.password, password: opts.currentPassword }))) {
    throw new AppError("BAD_REQUEST", { message: "The current password is not right", details: { field: "currentPassword" } });
  }
  await refundRateLimit(budget);
  if (opts.newPassword === opts.currentPassword) {
    throw new AppError("BAD_REQUEST", { message: "The new password must differ from the current one" });
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await db.$transaction(async (tx) => {
    await replacePassword({ tx, userId: opts.user.id, passwordHash });
    await recordAudit({
      db: tx,
      actor: { id: opts.user.id, label: opts.user.email },
      action: "operator.change_password",
      targetType: "user",
      targetId: opts.user.id,
      requestId: opts.requestId,
    });
  });
}
