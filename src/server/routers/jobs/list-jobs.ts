import { z } from "zod";
import { ZRegion } from "@/env";
import { listProvisionJobs } from "@/server/services/provisioning/list-provision-jobs";
import { PROVISION_JOB_STATUSES } from "@/server/services/provisioning/provision-job-state";
import { ZProvisionJob } from "@/server/services/provisioning/provision-job-view";
import { operatorProcedure } from "@/server/trpc/procedures";
import { text } from "@/server/validation/text";

export const listJobsRoute = operatorProcedure("viewer")
  .input(
    z
      .object({
        status: z.enum(PROVISION_JOB_STATUSES).optional(),
        region: ZRegion.optional(),
        q: text().trim().max(200).optional().meta({ description: "Job id, trace id, tenant id, slug or company" }),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: text().max(512).optional(),
      })
      .prefault({}),
  )
  .output(z.object({ items: z.array(ZProvisionJob), nextCursor: z.string().nullable() }))
  .query(({ input }) => listProvisionJobs(input));
