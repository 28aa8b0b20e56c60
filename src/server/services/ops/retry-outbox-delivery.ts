import { db as defaultDb, type TDb } from "@/server/db";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { retryOutboxMessage } from "@/server/services/outbox/retry-outbox-message";

/** An operator's retry of a failed or held message, audited in the same transaction. */
export async function retryOutboxDelivery(opts: { id: string; actor: TAuditActor; requestId?: string; db?: TDb }) {
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const result = await retryOutboxMessage({ id: opts.id, db: tx });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "outbox.retry",
      targetType: "outbox_message",
      targetId: opts.id,
      requestId: opts.requestId,
    });
    return result;
  });
}
