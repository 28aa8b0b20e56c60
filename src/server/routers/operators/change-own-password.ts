import { z } from "zod";
import { changeOwnPassword } from "@/server/services/operators/change-own-password";
import { OPERATOR_PASSWORD_MAX, OPERATOR_PASSWORD_MIN } from "@/server/services/operators/create-operator.types";
import { operatorProcedure } from "@/server/trpc/procedures";

export const ZChangeOwnPasswordRequest = z.object({
  currentPassword: z.string().min(1, "current password is required").max(OPERATOR_PASSWORD_MAX),
  newPassword: z
    .string()
    .min(OPERATOR_PASSWORD_MIN, `the new password must be at least ${OPERATOR_PASSWORD_MIN} characters`)
    .max(OPERATOR_PASSWORD_MAX, `the new password must be at most ${OPERATOR_PASSWORD_MAX} characters`),
});

/** The signed-in operator's own password; every session ends, so they sign in again. */
export const changeOwnPasswordRoute = operatorProcedure("viewer")
  .input(ZChangeOwnPasswordRequest)
  .output(z.object({ signedOut: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await changeOwnPassword({ user: ctx.user, ...input, requestId: ctx.requestId });
    return { signedOut: true as const };
  });
