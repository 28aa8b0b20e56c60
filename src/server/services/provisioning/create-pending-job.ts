import { env } from "@/env";
import { enqueue } from "@/jobs/registry";
import type { TDbOrTx } from "@/server/db";
import type { TPlacementResult } from "@/server/services/placement/decide-placement";
import type { TProvisionStage } from "./provision-queue-message";

/**
 * Writes a Pending provision job from a placement and enqueues its dispatch,
 * in the caller's transaction: the first attempt of a signup, or a retry.
 */
export async function createPendingJob(opts: {
  db: TDbOrTx;
  jobId: string;
  tenantId: string;
  traceId: string;
  placement: TPlacementResult;
  retry?: { attempt: number; retryOfJobId: string };
  simulateFailureStage?: TProvisionStage | null;
}): Promise<void> {
  const { db, jobId, placement } = opts;
  await db.provisionJob.create({
    data: {
      id: jobId,
      tenantId: opts.tenantId,
      attempt: opts.retry?.attempt ?? 1,
      retryOfJobId: opts.retry?.retryOfJobId ?? null,
      status: "Pending",
      infraMode: placement.create_new_server ? "create_new_server" : "use_existing",
      dedicated: placement.dedicated ? 1 : null,
      region: placement.region,
      traceId: opts.traceId,
      targetServerId: placement.target_server_id,
      placementReasons: placement.reasons,
      dispatchMode: env().PROVISION_DISPATCHER,
      simulateFailureStage: opts.simulateFailureStage ?? null,
    },
    select: { id: true },
  });
  await enqueue("provisioning.dispatch", { jobId }, { db, singletonKey: jobId });
}
