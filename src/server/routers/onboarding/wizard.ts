import { AppError } from "@/server/errors";
import { latestSessionOf } from "@/server/services/onboarding/list-onboarding-sessions";
import { ZOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { planOffers, ZPlanOffers } from "@/server/services/payments/plan-offers";
import { publicProcedure, customerProcedure } from "@/server/trpc/procedures";
import { sessionFor } from "./access";

/** The signed-in user's latest session, for the wizard to continue after a reload. */
export const mineRoute = customerProcedure("onboarding:read").output(ZOnboardingSession.nullable()).query(({ ctx }) => {
  if (ctx.principal.kind !== "user") {
    throw new AppError("BAD_REQUEST", { message: "Only a signed-in user has onboarding sessions of their own" });
  }
  const principal = ctx.principal;
  return latestSessionOf({ userId: principal.user.id }).then((session) => session && sessionFor(principal, session));
});

/**
 * Which plans a customer can choose here, in plain words, with the paid
 * plans' prices from Stripe. What is missing in the configuration is for
 * operators: the /cp overview says it.
 */
export const plansRoute = publicProcedure.output(ZPlanOffers).query(() => planOffers());
