import { addOperator } from "@/server/services/operators/add-operator";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZCreateOperatorRequest, ZCreateOperatorResponse } from "./create-operator.types";

export const createOperatorRoute = operatorProcedure("admin")
  .input(ZCreateOperatorRequest)
  .output(ZCreateOperatorResponse)
  .mutation(async ({ ctx, input }) => {
    const { generatedPassword, ...operator } = await addOperator({ ...input, actor: auditActorOf(ctx.principal), requestId: ctx.requestId });
    return { operator, generatedPassword };
  });
