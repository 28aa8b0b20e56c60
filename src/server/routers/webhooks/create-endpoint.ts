import { createWebhookEndpoint } from "@/server/services/webhooks/create-webhook-endpoint";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZCreateWebhookEndpointRequest, ZWebhookEndpointWithSecret } from "./webhooks.types";

export const createWebhookEndpointRoute = operatorProcedure("admin")
  .input(ZCreateWebhookEndpointRequest)
  .output(ZWebhookEndpointWithSecret)
  .mutation(({ ctx, input }) =>
    createWebhookEndpoint({ ...input, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
