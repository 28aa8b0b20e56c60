import { z } from "zod";
import { AppError } from "@/server/errors";
import { completeDeploy, ZDeployCompleteInput } from "@/server/services/onboarding/complete-deploy";
import { deployCallbackProcedure } from "@/server/trpc/procedures";

export const deployCompleteRoute = deployCallbackProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/onboarding/{id}/deploy-complete",
      tags: ["internal"],
      summary: "The deploy workflow's callback",
      description:
        "Ends `deploy_services`: succeeded moves the onboarding on to verify, failed fails it. The same outcome again is a 200 no-op; a different one is 409. Accepts the internal key, an `onboarding:callback` key, or the onboarding's own deploy token (the `callback_token` input of the run).",
      protect: true,
    },
  })
  .input(ZDeployCompleteInput.meta({ id: "DeployCompleteRequest" }))
  .output(z.object({ onboardingId: z.string(), status: z.enum(["succeeded", "failed"]), changed: z.boolean() }))
  .mutation(({ ctx, input }) => {
    if (ctx.principal.kind === "deployToken" && ctx.principal.onboardingId !== input.id) {
      throw new AppError("FORBIDDEN", { message: "This deploy token belongs to another onboarding", details: { id: input.id } });
    }
    return completeDeploy({ input });
  });
