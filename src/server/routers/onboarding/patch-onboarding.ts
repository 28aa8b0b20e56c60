import { patchOnboarding } from "@/server/services/onboarding/patch-onboarding";
import { ZOnboardingSession, ZPatchOnboardingRequest } from "@/server/services/onboarding/onboarding.types";
import { auditActorOf } from "@/server/trpc/principal";
import { internalProcedure } from "@/server/trpc/procedures";

export const patchOnboardingRoute = internalProcedure("onboarding:write")
  .meta({
    openapi: {
      method: "PATCH",
      path: "/api/v1/onboarding/{id}",
      tags: ["onboarding"],
      summary: "Report steps, status or the provision job of a session",
      description:
        "For services that run steps themselves. Transitions are checked: pending → running → succeeded | failed | skipped for a step; pending → in_progress → completed | failed for the session, which completes only when every step is done. An ended session is 409 (a failed one changes through resume). Needs the internal key or an `onboarding:write` key.",
      protect: true,
    },
  })
  .input(ZPatchOnboardingRequest)
  .output(ZOnboardingSession)
  .mutation(({ ctx, input }) =>
    patchOnboarding({ input, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
