import { deleteWebhookEndpoint } from "@/server/services/webhooks/delete-webhook-endpoint";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZDeleteWebhookEndpointResponse, ZByIdRequest } from "./webhooks.types";

export const deleteWebhookEndpointRoute = operatorProcedure("admin")
  .input(ZByIdRequest)
  .output(ZDeleteWebhookEndpointResponse)
  .mutation(({ ctx, input }) =>
    deleteWebhookEndpoint({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
