import type { TJobHandler } from "@/jobs/define-job";
import { attemptWebhookDelivery } from "@/server/services/webhooks/attempt-webhook-delivery";
import type { TWebhookDeliverPayload } from "./deliver";

const handler: TJobHandler<TWebhookDeliverPayload> = async (payload, ctx) => {
  await attemptWebhookDelivery({ deliveryId: payload.deliveryId, trigger: payload.trigger, signal: ctx.signal });
};

export default handler;
