import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { ZWebhookEndpointId } from "./webhook-ids";
import { WEBHOOK_ENDPOINT_SELECT, type TWebhookEndpointView } from "./webhook-endpoint-view";
import { mintWebhookSecret } from "./webhook-secret";

/**
 * Replaces an endpoint's signing secret at once: every attempt from now on,
 * retries of older deliveries included, is signed with the new one, which is
 * in the result and shown once.
 */
export async function rotateWebhookSecret(opts: {
  db?: TDb;
  id: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TWebhookEndpointView & { secret: string }> {
  const missing = new AppError("NOT_FOUND", { message: "No webhook endpoint with this id", details: { id: opts.id } });
  if (!ZWebhookEndpointId.safeParse(opts.id).success) throw missing;
  const { secret, secretSealed, secretPrefix } = mintWebhookSecret(opts.id);
  const row = await (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id: opts.id }, select: { secretPrefix: true } });
    if (!before) throw missing;
    const updated = await tx.webhookEndpoint.update({
      where: { id: opts.id },
      data: { secretSealed, secretPrefix },
      select: WEBHOOK_ENDPOINT_SELECT,
    });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "webhookEndpoint.rotateSecret",
      targetType: "webhookEndpoint",
      targetId: opts.id,
      details: { from: before.secretPrefix, to: secretPrefix },
      requestId: opts.requestId,
    });
    return updated;
  });
  return { ...row, secret };
}
