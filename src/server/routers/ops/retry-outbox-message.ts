import { retryOutboxDelivery } from "@/server/services/ops/retry-outbox-delivery";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZOutboxMessageRequest, ZRetryOutboxResponse } from "./ops.types";

export const retryOutboxMessageRoute = operatorProcedure("operator")
  .input(ZOutboxMessageRequest)
  .output(ZRetryOutboxResponse)
  .mutation(({ ctx, input }) =>
    retryOutboxDelivery({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
