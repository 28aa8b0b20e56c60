import { z } from "zod";
import { retryProvisionJob } from "@/server/services/provisioning/retry-provision-job";
import { ZProvisionJobId } from "@/server/services/trace/trace-event";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";

export const retryJobRoute = operatorProcedure("operator")
  .input(z.object({ job_id: ZProvisionJobId }))
  .output(
    z.object({
      job_id: z.string(),
      retry_of_job_id: z.string(),
      attempt: z.number().int(),
      trace_id: z.string(),
      status: z.literal("Pending"),
    }),
  )
  .mutation(({ ctx, input }) =>
    retryProvisionJob({ jobId: input.job_id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
