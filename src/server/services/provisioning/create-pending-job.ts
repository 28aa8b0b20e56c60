import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { enqueue, enqueueSql } from "@/jobs/registry";
import type { TDbOrTx } from "@/server/db";
import type { TPlacementResult } from "@/server/services/placement/decide-placement";
import type { TProvisionStage } from "./provision-queue-message";

type TPendingJob = {
  jobId: string;
  tenantId: string;
  traceId: string;
  placement: TPlacementResult;
  retry?: { attempt: number; retryOfJobId: string };
  simulateFailureStage?: TProvisionStage | null;
};

/** The row of a Pending provision job placed by `placement` (Prisma's field names). */
export function pendingJobRow(opts: TPendingJob) {
  const { placement } = opts;
  return {
    id: opts.jobId,
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
  } as const;
}

/** Enqueues the dispatch of a Pending provision job, in the caller's transaction. */
export async function enqueueDispatch(db: TDbOrTx, jobId: string): Promise<void> {
  await enqueue("provisioning.dispatch", { jobId }, { db, singletonKey: jobId });
}

/** enqueueDispatch as CTEs of the caller's statement that writes the job (see enqueueSql), when `when` holds. */
export function dispatchJobSql(jobId: string, when: Prisma.Sql) {
  return enqueueSql("provisioning.dispatch", { jobId }, { singletonKey: jobId, when, as: "dispatch" });
}

/**
 * Writes a Pending provision job from a placement and enqueues its dispatch,
 * in the caller's transaction: the first attempt of a signup, or a retry.
 */
export async function createPendingJob(opts: TPendingJob & { db: TDbOrTx }): Promise<void> {
  await opts.db.provisionJob.create({ data: pendingJobRow(opts), select: { id: true } });
  await enqueueDispatch(opts.db, opts.jobId);
}
