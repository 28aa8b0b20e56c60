import type { TDbOrTx } from "@/server/db";
import { buildProvisionQueueMessage, type TProvisionQueueMessage } from "./provision-queue-message";

/** A provision job with the workflow inputs it stands for. */
export type TJobWithMessage = {
  status: string;
  dispatchMode: string;
  simulateFailureStage: string | null;
  message: TProvisionQueueMessage;
};

/** Reads a job and builds its ProvisionQueueMessage; null when there is no such job. */
export async function loadProvisionMessage(db: TDbOrTx, jobId: string): Promise<TJobWithMessage | null> {
  const job = await db.provisionJob.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      status: true,
      tenantId: true,
      region: true,
      infraMode: true,
      dedicated: true,
      targetServerId: true,
      traceId: true,
      dispatchMode: true,
      simulateFailureStage: true,
      tenant: { select: { slug: true, canonicalHostname: true } },
    },
  });
  if (!job) return null;
  return {
    status: job.status,
    dispatchMode: job.dispatchMode,
    simulateFailureStage: job.simulateFailureStage,
    message: buildProvisionQueueMessage({
      jobId: job.id,
      tenantId: job.tenantId,
      region: job.region,
      createNewServer: job.infraMode === "create_new_server",
      targetServerId: job.targetServerId,
      subdomainSlug: job.tenant.slug,
      canonicalHostname: job.tenant.canonicalHostname,
      dedicated: job.dedicated === 1,
      traceId: job.traceId,
    }),
  };
}
