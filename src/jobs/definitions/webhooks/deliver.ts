import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { ZWebhookDeliveryId } from "@/server/services/webhooks/webhook-ids";

export const ZWebhookDeliverPayload = z.object({
  deliveryId: ZWebhookDeliveryId,
  /** automatic: the delivery's own schedule; replay: an operator asked for it again. */
  trigger: z.enum(["automatic", "replay"]),
});
export type TWebhookDeliverPayload = z.infer<typeof ZWebhookDeliverPayload>;

/**
 * POSTs one webhook delivery, signed. A refused or failed request is not a
 * failed job: the attempt is logged and the next one enqueued with a delay
 * (see retry-schedule.ts). pg-boss' own retries only cover this process
 * failing to do that bookkeeping (the database away).
 */
export const webhooksDeliverJob = defineJob({
  name: "webhooks.deliver",
  payload: ZWebhookDeliverPayload,
  retry: { limit: 5, delaySeconds: 30, backoff: true, maxDelaySeconds: 600 },
  concurrency: 4,
  // Above WEBHOOK_TIMEOUT_MS' maximum (60 s): an attempt stuck longer is a dead process, retried elsewhere.
  expireInSeconds: 120,
  handler: () => import("./deliver.handler"),
});
