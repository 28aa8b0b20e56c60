import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TWebhookPayload } from "./emit-webhook-event";
import { toDeliveryView, WEBHOOK_DELIVERY_SELECT, type TWebhookDeliveryView } from "./webhook-delivery-view";
import { ZWebhookDeliveryId } from "./webhook-ids";

export type TWebhookDeliveryAttemptView = {
  /** The log row's id, as a string (it is a bigint). */
  id: string;
  attempt: number;
  trigger: "automatic" | "replay";
  statusCode: number | null;
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
  createdAt: Date;
};

export type TWebhookDeliveryDetail = TWebhookDeliveryView & {
  payload: TWebhookPayload;
  /** Every attempt, oldest first. */
  attemptLog: TWebhookDeliveryAttemptView[];
};

/** One delivery with its payload and attempt log; NOT_FOUND for an unknown (or malformed) id. */
export async function getWebhookDelivery(opts: { id: string; db?: TDbOrTx }): Promise<TWebhookDeliveryDetail> {
  const missing = new AppError("NOT_FOUND", { message: "No webhook delivery with this id", details: { id: opts.id } });
  if (!ZWebhookDeliveryId.safeParse(opts.id).success) throw missing;
  const row = await (opts.db ?? defaultDb()).webhookDelivery.findUnique({
    where: { id: opts.id },
    select: {
      ...WEBHOOK_DELIVERY_SELECT,
      payload: true,
      attemptLog: {
        orderBy: { id: "asc" },
        select: { id: true, attempt: true, trigger: true, statusCode: true, error: true, responseSnippet: true, durationMs: true, createdAt: true },
      },
    },
  });
  if (!row) throw missing;
  const { payload, attemptLog, ...view } = row;
  return {
    ...toDeliveryView(view),
    payload: payload as TWebhookPayload,
    attemptLog: attemptLog.map((a) => ({ ...a, id: a.id.toString(), trigger: a.trigger as "automatic" | "replay" })),
  };
}
