import { z } from "zod";
import { AppError } from "@/server/errors";
import {
  completeProvisionJob,
  ZProvisionCompleteInput,
} from "@/server/services/provisioning/complete-provision-job";
import { callbackProcedure } from "@/server/trpc/procedures";

export const completeJobRoute = callbackProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/provision-complete",
      tags: ["internal"],
      summary: "The provision workflow's callback",
      description:
        "Completed activates the tenant and links the node in `outputs`; Failed records the failing stage. The same outcome again is a 200 no-op; a different one is 409. Accepts the internal key, a `provision:callback` key, or the job's own callback token.",
      protect: true,
    },
  })
  .input(ZProvisionCompleteInput.meta({ id: "ProvisionCompleteRequest" }))
  .output(z.object({ job_id: z.string(), status: z.enum(["Completed", "Failed"]), changed: z.boolean() }))
  .mutation(({ ctx, input }) => {
    if (ctx.principal.kind === "jobToken" && ctx.principal.jobId !== input.job_id) {
      throw new AppError("FORBIDDEN", {
        message: "This callback token belongs to another provision job",
        details: { job_id: input.job_id },
      });
    }
    return completeProvisionJob({ input, source: ctx.principal.kind });
  });
