import { z } from "zod";
import { loadOnboardingView } from "@/server/services/onboarding/onboarding-view";
import { ZOnboardingId, ZOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { db } from "@/server/db";
import { customerProcedure } from "@/server/trpc/procedures";
import { assertSessionAccess, sessionFor } from "./access";

export const getOnboardingRoute = customerProcedure("onboarding:read")
  .meta({
    openapi: {
      method: "GET",
      path: "/api/v1/onboarding/{id}",
      tags: ["onboarding"],
      summary: "An onboarding session with its steps",
      description: "A signed-in user sees their own sessions, with failures and skipped steps in plain words; operators and keys see every session with its details (error messages, step results). An API key needs the `onboarding:read` scope.",
      protect: true,
    },
  })
  .input(z.object({ id: ZOnboardingId }))
  .output(ZOnboardingSession)
  .query(async ({ ctx, input }) => {
    const session = await loadOnboardingView(db(), input.id);
    assertSessionAccess(ctx.principal, session);
    return sessionFor(ctx.principal, session);
  });
