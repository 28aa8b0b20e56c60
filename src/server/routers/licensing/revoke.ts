import { z } from "zod";
import { text } from "@/server/validation/text";
import { revokeAppliance, revokeEntitlement } from "@/server/services/licensing/revoke-licensing";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";

const ZRevokeInput = z.object({ id: text().min(1).max(64) });
const ZRevokeOutput = z.object({ revoked: z.boolean() });

export const revokeEntitlementRoute = operatorProcedure("operator")
  .input(ZRevokeInput)
  .output(ZRevokeOutput)
  .mutation(({ ctx, input }) => revokeEntitlement({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }));

export const revokeApplianceRoute = operatorProcedure("operator")
  .input(ZRevokeInput)
  .output(ZRevokeOutput)
  .mutation(({ ctx, input }) => revokeAppliance({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }));
