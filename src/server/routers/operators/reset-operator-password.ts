import { z } from "zod";
import { resetOperatorPassword } from "@/server/services/operators/reset-operator-password";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZGeneratedPassword, ZOperatorId, ZOperatorSummary } from "./operator.types";

export const resetOperatorPasswordRoute = operatorProcedure("admin")
  .input(ZOperatorId)
  .output(z.object({ operator: ZOperatorSummary, generatedPassword: ZGeneratedPassword }))
  .mutation(({ ctx, input }) => resetOperatorPassword({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }));
