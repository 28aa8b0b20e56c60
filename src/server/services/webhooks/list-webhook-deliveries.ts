import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { afterKeysetCursor, keysetPage } from "@/server/services/shared/keyset-cursor";
import { ZWebhookEventType } from "./event-types";
import { parseWebhookInput } from "./webhook-endpoint-input";
import { toDeliveryView, WEBHOOK_DELIVERY_SELECT, WEBHOOK_DELIVERY_STATUSES, type TWebhookDeliveryView } from "./webhook-delivery-view";
import { text } from "@/server/validation/text";

export const ZListWebhookDeliveriesInput = z.object({
  endpointId: text().max(100).optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  eventType: ZWebhookEventType.optional(),
  cursor: text().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TListWebhookDeliveriesInput = z.input<typeof ZListWebhookDeliveriesInput> & { db?: TDbOrTx };

/** Newest first, keyset pages on (createdAt, id), filtered by endpoint, status and event type. */
export async function listWebhookDeliveries(
  opts: TListWebhookDeliveriesInput,
): Promise<{ items: TWebhookDeliveryView[]; nextCursor: string | null }> {
  const input = parseWebhookInput(ZListWebhookDeliveriesInput, opts, "delivery query");
  const and: Prisma.WebhookDeliveryWhereInput[] = [];
  if (input.endpointId) and.push({ endpointId: input.endpointId });
  if (input.status) and.push({ status: input.status });
  if (input.eventType) and.push({ eventType: input.eventType });
  const after = afterKeysetCursor(input.cursor);
  if (after) and.push(after);
  const rows = await (opts.db ?? defaultDb()).webhookDelivery.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: WEBHOOK_DELIVERY_SELECT,
  });
  const { page, nextCursor } = keysetPage(rows, input.limit);
  return { items: page.map(toDeliveryView), nextCursor };
}
