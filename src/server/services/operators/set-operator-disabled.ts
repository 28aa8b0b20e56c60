import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { lockOperators } from "./lock-operators";
import { OPERATOR_SUMMARY_SELECT, OPERATOR_WHERE, toOperatorSummary, type TOperatorSummary } from "./operator-summary";

/**
 * Disables an operator (no sign-in; every open session ends at once) or
 * enables one again. Admins cannot disable themselves or the last enabled
 * admin (CONFLICT). Asking for the state it already has changes nothing and
 * audits nothing.
 */
export async function setOperatorDisabled(opts: {
  db?: TDb;
  id: string;
  disabled: boolean;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TOperatorSummary> {
  const db = opts.db ?? defaultDb();
  return db.$transaction(async (tx) => {
    await lockOperators(tx);
    const target = await tx.user.findFirst({ where: { id: opts.id, ...OPERATOR_WHERE }, select: OPERATOR_SUMMARY_SELECT });
    if (!target) throw new AppError("NOT_FOUND", { message: "No operator with this id", details: { id: opts.id } });
    if (Boolean(target.disabledAt) === opts.disabled) return toOperatorSummary(target);
    if (opts.disabled) {
      if (target.id === opts.actor.id) throw new AppError("CONFLICT", { message: "You cannot disable your own account" });
      if (target.role === "admin") {
        const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
        if (admins <= 1) throw new AppError("CONFLICT", { message: "The last enabled admin cannot be disabled" });
      }
    }
    const updated = await tx.user.update({
      where: { id: target.id },
      data: { disabledAt: opts.disabled ? new Date() : null },
      select: OPERATOR_SUMMARY_SELECT,
    });
    if (opts.disabled) await tx.session.deleteMany({ where: { userId: target.id } });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: opts.disabled ? "operator.disable" : "operator.enable",
      targetType: "user",
      targetId: target.id,
      details: { email: target.email, role: target.role },
      requestId: opts.requestId,
    });
    return toOperatorSummary(updated);
  });
}
