import { replayWebhookDelivery } from "@/server/services/webhooks/replay-webhook-delivery";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZReplayWebhookDeliveryResponse, ZByIdRequest } from "./webhooks.types";

export const replayWebhookDeliveryRoute = operatorProcedure("operator")
  .input(ZByIdRequest)
  .output(ZReplayWebhookDeliveryResponse)
  .mutation(({ ctx, input }) =>
    replayWebhookDelivery({ deliveryId: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
