import { z } from "zod";
import { getProvisionJob } from "@/server/services/provisioning/get-provision-job";
import { ZJobStage, ZProvisionJob } from "@/server/services/provisioning/provision-job-view";
import { ZProvisionJobId } from "@/server/services/trace/trace-event";
import { hasOperatorRole } from "@/server/auth/roles";
import { customerProcedure } from "@/server/trpc/procedures";

export const ZProvisionJobDetail = ZProvisionJob.extend({ stages: z.array(ZJobStage) }).meta({ id: "ProvisionJob" });

export const getJobRoute = customerProcedure("jobs:read")
  .meta({
    openapi: {
      method: "GET",
      path: "/v1/jobs/{job_id}",
      tags: ["jobs"],
      summary: "A provision job with its stages",
      description: "Signed-in users see the jobs of tenants they created; keys and operators see every job. An API key needs the `jobs:read` scope.",
      protect: true,
    },
  })
  .input(z.object({ job_id: ZProvisionJobId }))
  .output(ZProvisionJobDetail)
  .query(({ ctx, input }) => {
    const { principal } = ctx;
    const limited = principal.kind === "user" && !hasOperatorRole(principal.user.role, "viewer");
    return getProvisionJob({
      jobId: input.job_id,
      visibleTo: limited ? { userId: principal.user.id } : undefined,
    });
  });
