import { z } from "zod";
import { setOperatorDisabled } from "@/server/services/operators/set-operator-disabled";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZOperatorId, ZOperatorSummary } from "./operator.types";

export const setOperatorDisabledRoute = operatorProcedure("admin")
  .input(ZOperatorId.extend({ disabled: z.boolean() }))
  .output(ZOperatorSummary)
  .mutation(({ ctx, input }) =>
    setOperatorDisabled({ id: input.id, disabled: input.disabled, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
