import { rotateWebhookSecret } from "@/server/services/webhooks/rotate-webhook-secret";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZByIdRequest, ZWebhookEndpointWithSecret } from "./webhooks.types";

export const rotateWebhookSecretRoute = operatorProcedure("admin")
  .input(ZByIdRequest)
  .output(ZWebhookEndpointWithSecret)
  .mutation(({ ctx, input }) =>
    rotateWebhookSecret({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
