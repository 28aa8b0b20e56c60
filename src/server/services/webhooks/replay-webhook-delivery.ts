import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { ZWebhookDeliveryId } from "./webhook-ids";

/**
 * An operator's "send it again": enqueues a replay attempt of any delivery
 * (delivered, failed or still retrying), audited in the same transaction.
 * The attempt is logged with trigger `replay`; it schedules no retries.
 */
export async function replayWebhookDelivery(opts: {
  db?: TDb;
  deliveryId: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<{ id: string; queued: true }> {
  const missing = new AppError("NOT_FOUND", { message: "No webhook delivery with this id", details: { id: opts.deliveryId } });
  if (!ZWebhookDeliveryId.safeParse(opts.deliveryId).success) throw missing;
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const row = await tx.webhookDelivery.findUnique({
      where: { id: opts.deliveryId },
      select: { id: true, eventId: true, eventType: true, status: true, endpoint: { select: { id: true, enabled: true } } },
    });
    if (!row) throw missing;
    if (!row.endpoint.enabled) {
      throw new AppError("CONFLICT", {
        message: "The endpoint is disabled; enable it before replaying its deliveries",
        details: { endpointId: row.endpoint.id },
      });
    }
    await enqueue("webhooks.deliver", { deliveryId: row.id, trigger: "replay" }, { db: tx });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "webhookDelivery.replay",
      targetType: "webhookDelivery",
      targetId: row.id,
      details: { endpointId: row.endpoint.id, eventId: row.eventId, eventType: row.eventType, status: row.status },
      requestId: opts.requestId,
    });
    return { id: row.id, queued: true as const };
  });
}
