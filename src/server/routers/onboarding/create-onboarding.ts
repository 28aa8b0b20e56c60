import { AppError } from "@/server/errors";
import { idempotencyKeyFrom } from "@/server/services/idempotency/with-idempotency";
import { createOnboarding } from "@/server/services/onboarding/create-onboarding";
import { ZCreateOnboardingRequest, ZOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { callerScopeOf } from "@/server/trpc/principal";
import { customerProcedure } from "@/server/trpc/procedures";
import { forCustomer } from "@/server/services/payments/plan-offers";
import { isCustomer, sessionFor } from "./access";

export const createOnboardingRoute = customerProcedure("onboarding:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/api/v1/onboarding",
      tags: ["onboarding"],
      summary: "Start an onboarding",
      description:
        "Writes the session and its five steps. The free tier (starter) registers the tenant and queues its provision job at once, so the answer carries `jobId`; a taken slug is 409 and leaves nothing behind. A paid tier answers with `checkoutUrl` (Stripe Checkout) and starts when the payment arrives; without Stripe it is 422 with the reason. A signed-in user onboards only themselves (`userId` is their own id); other callers name an existing user, an unknown `userId` is 400. Send an `Idempotency-Key` header to make retries safe. An API key needs the `onboarding:write` scope.",
      protect: true,
    },
    successStatus: 202,
  })
  .input(ZCreateOnboardingRequest)
  .output(ZOnboardingSession)
  .mutation(({ ctx, input }) => {
    const { principal } = ctx;
    if (principal.kind === "user" && principal.user.id !== input.userId) {
      throw new AppError("FORBIDDEN", {
        message: "userId must be your own user id",
        details: { field: "userId" },
      });
    }
    return createOnboarding({
      input,
      callerScope: callerScopeOf(principal),
      customerEmail: principal.kind === "user" ? principal.user.email : null,
      idempotencyKey: idempotencyKeyFrom(ctx.headers),
    }).then(
      (session) => sessionFor(principal, session),
      (err: unknown) => {
        throw isCustomer(principal) ? forCustomer(err) : err;
      },
    );
  });
