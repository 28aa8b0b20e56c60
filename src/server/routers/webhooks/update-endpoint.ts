import { updateWebhookEndpoint } from "@/server/services/webhooks/update-webhook-endpoint";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZUpdateWebhookEndpointRequest, ZWebhookEndpoint } from "./webhooks.types";

export const updateWebhookEndpointRoute = operatorProcedure("admin")
  .input(ZUpdateWebhookEndpointRequest)
  .output(ZWebhookEndpoint)
  .mutation(({ ctx, input }) =>
    updateWebhookEndpoint({ ...input, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
