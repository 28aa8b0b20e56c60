import { z } from "zod";
import { db as defaultDb, type TDb } from "@/server/db";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { newWebhookEndpointId } from "./webhook-ids";
import { parseWebhookInput, ZWebhookDescription, ZWebhookEvents, ZWebhookUrl } from "./webhook-endpoint-input";
import { WEBHOOK_ENDPOINT_SELECT, type TWebhookEndpointView } from "./webhook-endpoint-view";
import { mintWebhookSecret } from "./webhook-secret";

export const ZCreateWebhookEndpointInput = z.object({
  url: ZWebhookUrl,
  events: ZWebhookEvents,
  description: ZWebhookDescription,
});

/**
 * Subscribes a URL to events and audits it in one transaction. The signing
 * secret is in the result and nowhere else in clear: it is stored sealed.
 */
export async function createWebhookEndpoint(opts: {
  db?: TDb;
  url: string;
  events: string[];
  description?: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TWebhookEndpointView & { secret: string }> {
  const input = parseWebhookInput(ZCreateWebhookEndpointInput, opts, "webhook endpoint");
  const id = newWebhookEndpointId();
  const { secret, secretSealed, secretPrefix } = mintWebhookSecret(id);
  const created = await (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: {
        id,
        url: input.url,
        events: input.events,
        description: input.description || null,
        secretSealed,
        secretPrefix,
        createdBy: opts.actor.label,
      },
      select: WEBHOOK_ENDPOINT_SELECT,
    });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "webhookEndpoint.create",
      targetType: "webhookEndpoint",
      targetId: id,
      details: { url: row.url, events: row.events, secretPrefix },
      requestId: opts.requestId,
    });
    return row;
  });
  return { ...created, secret };
}
