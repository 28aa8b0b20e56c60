import type { Prisma } from "@/generated/prisma/client";
import { enqueue } from "@/jobs/registry";
import type { TDbOrTx } from "@/server/db";
import { inTransaction } from "@/server/services/outbox/in-transaction";
import type { TWebhookEventType } from "./event-types";
import { newWebhookDeliveryId, newWebhookEventId } from "./webhook-ids";

/** What every endpoint receives as the request body. */
export type TWebhookPayload = { id: string; type: TWebhookEventType; created_at: string; data: Record<string, unknown> };

/**
 * Records one event for every enabled endpoint subscribed to its type and
 * enqueues each delivery's `webhooks.deliver` job, all through `db`: called
 * with the transaction of the change the event reports, nothing is sent
 * unless that change commits. No subscriber means no deliveries, not an error.
 * `data` is stored (and sent) as its JSON form, so dates become ISO strings.
 */
export async function emitWebhookEvent(opts: {
  db: TDbOrTx;
  type: TWebhookEventType;
  data: Record<string, unknown>;
}): Promise<{ eventId: string; deliveries: number }> {
  const eventId = newWebhookEventId();
  const payload: TWebhookPayload = JSON.parse(
    JSON.stringify({ id: eventId, type: opts.type, created_at: new Date().toISOString(), data: opts.data }),
  );
  const deliveries = await inTransaction(opts.db, async (tx) => {
    const endpoints = await tx.webhookEndpoint.findMany({
      where: { enabled: true, events: { has: opts.type } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    for (const endpoint of endpoints) {
      const id = newWebhookDeliveryId();
      await tx.webhookDelivery.create({
        data: {
          id,
          endpointId: endpoint.id,
          eventId,
          eventType: opts.type,
          payload: payload as unknown as Prisma.InputJsonValue,
          traceId: typeof opts.data.trace_id === "string" ? opts.data.trace_id : null,
          nextAttemptAt: new Date(),
        },
        select: { id: true },
      });
      await enqueue("webhooks.deliver", { deliveryId: id, trigger: "automatic" }, { db: tx });
    }
    return endpoints.length;
  });
  return { eventId, deliveries };
}
