import { listWebhookDeliveries } from "@/server/services/webhooks/list-webhook-deliveries";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZListWebhookDeliveriesRequest, ZListWebhookDeliveriesResponse } from "./webhooks.types";

export const listWebhookDeliveriesRoute = operatorProcedure("viewer")
  .input(ZListWebhookDeliveriesRequest)
  .output(ZListWebhookDeliveriesResponse)
  .query(({ input }) => listWebhookDeliveries(input));
