import { getWebhookDelivery } from "@/server/services/webhooks/get-webhook-delivery";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZWebhookDeliveryDetail, ZByIdRequest } from "./webhooks.types";

export const getWebhookDeliveryRoute = operatorProcedure("viewer")
  .input(ZByIdRequest)
  .output(ZWebhookDeliveryDetail)
  .query(({ input }) => getWebhookDelivery({ id: input.id }));
