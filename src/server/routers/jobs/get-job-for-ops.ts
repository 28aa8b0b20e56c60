import { z } from "zod";
import { getProvisionJobForOps } from "@/server/services/provisioning/get-provision-job";
import { ZTraceEvent, ZProvisionJobId } from "@/server/services/trace/trace-event";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZProvisionJobDetail } from "./get-job";

export const getJobForOpsRoute = operatorProcedure("viewer")
  .input(z.object({ job_id: ZProvisionJobId }))
  .output(
    z.object({
      job: ZProvisionJobDetail,
      trace: z.array(ZTraceEvent),
      attempts: z.array(z.object({ job_id: z.string(), attempt: z.number(), status: z.string(), created_at: z.date() })),
      retriedBy: z.string().nullable(),
    }),
  )
  .query(({ input }) => getProvisionJobForOps({ jobId: input.job_id }));
