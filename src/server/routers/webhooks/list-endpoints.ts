import { listWebhookEndpoints } from "@/server/services/webhooks/list-webhook-endpoints";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZListWebhookEndpointsResponse } from "./webhooks.types";

export const listWebhookEndpointsRoute = operatorProcedure("viewer")
  .output(ZListWebhookEndpointsResponse)
  .query(() => listWebhookEndpoints());
