import { z } from "zod";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/validation/text";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { ZWebhookEndpointId } from "./webhook-ids";
import { parseWebhookInput, ZWebhookDescription, ZWebhookEvents, ZWebhookUrl } from "./webhook-endpoint-input";
import { WEBHOOK_ENDPOINT_SELECT, type TWebhookEndpointView } from "./webhook-endpoint-view";

export const ZUpdateWebhookEndpointInput = z.object({
  id: text(),
  url: ZWebhookUrl.optional(),
  events: ZWebhookEvents.optional(),
  /** An empty description clears it. */
  description: ZWebhookDescription,
  enabled: z.boolean().optional(),
});

/**
 * Changes an endpoint's URL, events, description or enabled flag, audited
 * with what changed. A change that changes nothing writes no audit row.
 * Deliveries already written keep going to the endpoint, at its new URL;
 * one whose turn comes while the endpoint is disabled fails with that reason.
 */
export async function updateWebhookEndpoint(opts: {
  db?: TDb;
  id: string;
  url?: string;
  events?: string[];
  description?: string;
  enabled?: boolean;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TWebhookEndpointView> {
  const input = parseWebhookInput(ZUpdateWebhookEndpointInput, opts, "webhook endpoint");
  if (!ZWebhookEndpointId.safeParse(input.id).success) throw notFound(input.id);
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id: input.id }, select: WEBHOOK_ENDPOINT_SELECT });
    if (!before) throw notFound(input.id);
    const next = {
      url: input.url ?? before.url,
      events: input.events ?? before.events,
      description: input.description === undefined ? before.description : input.description || null,
      enabled: input.enabled ?? before.enabled,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0) return before;
    const row = await tx.webhookEndpoint.update({ where: { id: input.id }, data: next, select: WEBHOOK_ENDPOINT_SELECT });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "webhookEndpoint.update",
      targetType: "webhookEndpoint",
      targetId: row.id,
      details: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: row[k] }])),
      requestId: opts.requestId,
    });
    return row;
  });
}

function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", { message: "No webhook endpoint with this id", details: { id } });
}
