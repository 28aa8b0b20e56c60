import { z } from "zod";
import { db } from "@/server/db";
import { loadOnboardingView } from "@/server/services/onboarding/onboarding-view";
import { resumeOnboarding } from "@/server/services/onboarding/resume-onboarding";
import { ZOnboardingId, ZOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { auditActorOf } from "@/server/trpc/principal";
import { customerProcedure } from "@/server/trpc/procedures";
import { assertSessionAccess, sessionFor } from "./access";

export const resumeOnboardingRoute = customerProcedure("onboarding:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/api/v1/onboarding/{id}/resume",
      tags: ["onboarding"],
      summary: "Resume a failed onboarding",
      description:
        "Restarts at the first unfinished step; finished steps never run again. A failed provision job gets a new attempt through the provisioning retry. 409 unless the session failed. An API key needs the `onboarding:write` scope.",
      protect: true,
    },
    successStatus: 202,
  })
  .input(z.object({ id: ZOnboardingId }))
  .output(ZOnboardingSession)
  .mutation(async ({ ctx, input }) => {
    assertSessionAccess(ctx.principal, await loadOnboardingView(db(), input.id), "operator");
    const session = await resumeOnboarding({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId });
    return sessionFor(ctx.principal, session);
  });
