import { z } from "zod";
import { AppError } from "@/server/errors";
import { latestSessionOf } from "@/server/services/onboarding/list-onboarding-sessions";
import { ZOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { planAvailability } from "@/server/services/payments/plan-availability";
import { publicProcedure, userProcedure } from "@/server/trpc/procedures";

/** The signed-in user's latest session, for the wizard to continue after a reload. */
export const mineRoute = userProcedure.output(ZOnboardingSession.nullable()).query(({ ctx }) => {
  if (ctx.principal.kind !== "user") {
    throw new AppError("BAD_REQUEST", { message: "Only a signed-in user has onboarding sessions of their own" });
  }
  return latestSessionOf({ userId: ctx.principal.user.id });
});

const ZAvailability = z.object({ available: z.boolean(), paid: z.boolean(), reason: z.string().optional() });

/** Which plans can be chosen on this server, and why not. */
export const plansRoute = publicProcedure
  .output(z.object({ starter: ZAvailability, growth: ZAvailability, scale: ZAvailability }))
  .query(() => planAvailability());
