import { revealOutboxMessage } from "@/server/services/ops/reveal-outbox-message";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZOutboxMessageRequest, ZOutboxMessageWithBody } from "./ops.types";

export const revealOutboxMessageRoute = operatorProcedure("admin")
  .input(ZOutboxMessageRequest)
  .output(ZOutboxMessageWithBody)
  .mutation(({ ctx, input }) =>
    revealOutboxMessage({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
