import { db as defaultDb, type TDb } from "@/server/db";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { insertOperator, prepareOperator } from "./create-operator";
import type { TCreatedOperator } from "./create-operator.types";
import type { TOperatorRole } from "@/server/auth/roles";

/**
 * An admin adds an operator: created with a generated password, returned once
 * for the admin to hand over, and audited in the same transaction. Throws
 * BAD_REQUEST on invalid input and CONFLICT when the email is taken.
 */
export async function addOperator(opts: {
  db?: TDb;
  email: string;
  name: string;
  role: TOperatorRole;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TCreatedOperator & { generatedPassword: string }> {
  const db = opts.db ?? defaultDb();
  const prepared = await prepareOperator({ email: opts.email, name: opts.name, role: opts.role });
  const created = await db.$transaction(async (tx) => {
    const operator = await insertOperator(prepared, tx);
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "operator.create",
      targetType: "user",
      targetId: operator.id,
      details: { email: operator.email, role: operator.role },
      requestId: opts.requestId,
    });
    return operator;
  });
  return { ...created, generatedPassword: created.generatedPassword! };
}
