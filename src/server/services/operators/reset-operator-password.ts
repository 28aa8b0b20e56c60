import { hashPassword } from "better-auth/crypto";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { generatePassword } from "./generate-password";
import { OPERATOR_SUMMARY_SELECT, OPERATOR_WHERE, toOperatorSummary, type TOperatorSummary } from "./operator-summary";
import { replacePassword } from "./replace-password";

/**
 * An admin gives an operator a new generated password, returned once: the old
 * one stops working and the operator's sessions end. Admins change their own
 * password with changeOwnPassword instead (CONFLICT).
 */
export async function resetOperatorPassword(opts: {
  db?: TDb;
  id: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<{ operator: TOperatorSummary; generatedPassword: string }> {
  const db = opts.db ?? defaultDb();
  if (opts.id === opts.actor.id) {
    throw new AppError("CONFLICT", { message: "Change your own password on your account page" });
  }
  const generatedPassword = generatePassword();
  const passwordHash = await hashPassword(generatedPassword);
  const operator = await db.$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id: opts.id, ...OPERATOR_WHERE }, select: OPERATOR_SUMMARY_SELECT });
    if (!target) throw new AppError("NOT_FOUND", { message: "No operator with this id", details: { id: opts.id } });
    await replacePassword({ tx, userId: target.id, passwordHash });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "operator.reset_password",
      targetType: "user",
      targetId: target.id,
      details: { email: target.email },
      requestId: opts.requestId,
    });
    return toOperatorSummary(target);
  });
  return { operator, generatedPassword };
}
