import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { ZWebhookEndpointId } from "./webhook-ids";

/**
 * Deletes an endpoint with its deliveries and their attempt logs (queued
 * delivery jobs then find nothing to send), audited in the same transaction.
 */
export async function deleteWebhookEndpoint(opts: {
  db?: TDb;
  id: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<{ id: string; deleted: true }> {
  const missing = new AppError("NOT_FOUND", { message: "No webhook endpoint with this id", details: { id: opts.id } });
  if (!ZWebhookEndpointId.safeParse(opts.id).success) throw missing;
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.findUnique({
      where: { id: opts.id },
      select: { id: true, url: true, events: true, _count: { select: { deliveries: true } } },
    });
    if (!row) throw missing;
    await tx.webhookEndpoint.delete({ where: { id: row.id } });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "webhookEndpoint.delete",
      targetType: "webhookEndpoint",
      targetId: row.id,
      details: { url: row.url, events: row.events, deliveries: row._count.deliveries },
      requestId: opts.requestId,
    });
    return { id: row.id, deleted: true as const };
  });
}
