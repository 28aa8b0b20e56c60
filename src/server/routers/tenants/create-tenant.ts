import { hasOperatorRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { idempotencyKeyFrom } from "@/server/services/idempotency/with-idempotency";
import { createTenant } from "@/server/services/tenants/create-tenant";
import { customerProcedure } from "@/server/trpc/procedures";
import { callerScopeOf, type TAuthenticatedPrincipal } from "@/server/trpc/principal";
import { ZCreateTenantRequest, ZCreateTenantResponse, type ZPlan } from "./create-tenant.types";
import type { z } from "zod";

/**
 * Paid plans are bought through onboarding's Stripe Checkout. Creating one
 * directly is for callers that answer for the bill themselves: operators,
 * API keys and the internal key. A customer asking for one is sent there.
 */
function assertMayCreatePlan(principal: TAuthenticatedPrincipal, plan: z.infer<typeof ZPlan> | undefined): void {
  if (plan === undefined || plan === "starter") return;
  if (principal.kind !== "user" || hasOperatorRole(principal.user.role, "operator")) return;
  throw new AppError("FORBIDDEN", {
    message: `The ${plan} plan is paid: start it through onboarding (the /onboarding wizard or POST /api/v1/onboarding), which takes the payment with Stripe Checkout`,
    details: { field: "plan", onboarding: "/api/v1/onboarding" },
  });
}

export const createTenantRoute = customerProcedure("tenants:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/v1/tenants",
      tags: ["tenants"],
      summary: "Sign up a tenant",
      description:
        "Registers the tenant, decides its placement and queues its provision job. Send an `Idempotency-Key` header to make retries safe: the same key and body return the first answer. A signed-in customer may ask only for the free `starter` plan here (paid plans are 403: they go through `POST /api/v1/onboarding` and Stripe Checkout); operators, API keys and the internal key may create any plan. An API key needs the `tenants:write` scope.",
      protect: true,
    },
    successStatus: 202,
  })
  .input(ZCreateTenantRequest)
  .output(ZCreateTenantResponse)
  .mutation(({ ctx, input }) => {
    assertMayCreatePlan(ctx.principal, input.plan);
    return createTenant({
      input,
      callerScope: callerScopeOf(ctx.principal),
      createdBy: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
      idempotencyKey: idempotencyKeyFrom(ctx.headers),
    });
  });
