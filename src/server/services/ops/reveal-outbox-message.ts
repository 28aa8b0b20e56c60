import { db as defaultDb, type TDb } from "@/server/db";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { getOutboxMessage } from "@/server/services/outbox/get-outbox-message";

/**
 * Decrypts a sensitive outbox body for an operator, and records who read it.
 * The audit row commits only if the reveal succeeded.
 */
export async function revealOutboxMessage(opts: { id: string; actor: TAuditActor; requestId?: string; db?: TDb }) {
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const message = await getOutboxMessage({ id: opts.id, reveal: true, db: tx });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "outbox.reveal",
      targetType: "outbox_message",
      targetId: opts.id,
      requestId: opts.requestId,
    });
    return message;
  });
}
