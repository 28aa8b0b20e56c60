import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import type { TPlan, TPlacementResult, TRegion } from "@/server/services/placement/decide-placement";
import { reservePlacement } from "@/server/services/placement/reserve-placement";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import { createPendingJob } from "./create-pending-job";
import { newProvisionJobId } from "./ids";

export type TRetryResult = { job_id: string; retry_of_job_id: string; attempt: number; trace_id: string; status: "Pending" };

/**
 * Starts a new attempt for a Failed provision job: same tenant, same trace,
 * a fresh dispatch. Only the latest attempt can be retried, once. A tenant
 * already holding a node (reserved, or registered by the failed run) keeps it.
 */
export async function retryProvisionJob(opts: {
  db?: TDb;
  jobId: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TRetryResult> {
  const db = opts.db ?? defaultDb();
  return db.$transaction((tx) => startRetryAttempt(tx, opts));
}

/** retryProvisionJob inside the caller's transaction (an onboarding resume writes its own rows with it). */
export async function startRetryAttempt(
  tx: TDbOrTx,
  opts: { jobId: string; actor: TAuditActor; requestId?: string },
): Promise<TRetryResult> {
  const [job] = await tx.$queryRaw<{ id: string; status: string; tenant_id: string; attempt: number; trace_id: string }[]>`
    SELECT id, status, tenant_id, attempt, trace_id FROM provision_jobs WHERE id = ${opts.jobId} FOR UPDATE`;
  if (!job) throw new AppError("NOT_FOUND", { message: `No provision job ${opts.jobId}`, details: { job_id: opts.jobId } });
  if (job.status !== "Failed") {
    throw new AppError("CONFLICT", {
      message: `Only a Failed job can be retried; ${job.id} is ${job.status}`,
      details: { job_id: job.id, status: job.status },
    });
  }
  const newer = await tx.provisionJob.findFirst({
    where: { tenantId: job.tenant_id, attempt: { gt: job.attempt } },
    select: { id: true },
  });
  if (newer) {
    throw new AppError("CONFLICT", {
      message: `${job.id} was already retried as ${newer.id}`,
      details: { job_id: job.id, retried_by: newer.id },
    });
  }
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: job.tenant_id },
    select: { id: true, region: true, plan: true, nodeId: true, node: { select: { dedicated: true } } },
  });
  const placement: TPlacementResult = tenant.nodeId
    ? {
        region: tenant.region as TRegion,
        create_new_server: false,
        target_server_id: tenant.nodeId,
        dedicated: tenant.node?.dedicated ?? false,
        reasons: [`retry: the tenant already holds ${tenant.nodeId}`],
      }
    : await reservePlacement({ db: tx, request: { region: tenant.region as TRegion, plan: tenant.plan as TPlan } });
  if (placement.target_server_id && !tenant.nodeId) {
    await tx.tenant.update({ where: { id: tenant.id }, data: { nodeId: placement.target_server_id } });
  }
  const jobId = newProvisionJobId();
  const attempt = job.attempt + 1;
  await createPendingJob({
    db: tx,
    jobId,
    tenantId: tenant.id,
    traceId: job.trace_id,
    placement,
    retry: { attempt, retryOfJobId: job.id },
  });
  await tx.tenant.update({ where: { id: tenant.id }, data: { status: "pending" } });
  await appendTraceEvents({
    db: tx,
    events: [
      embarkEvent({
        trace_id: job.trace_id,
        job_id: jobId,
        stage: "retry",
        status: "info",
        message: `attempt ${attempt} started by ${opts.actor.label} after ${job.id} failed`,
        data: { retry_of_job_id: job.id, attempt, placement: { ...placement } },
      }),
    ],
  });
  await recordAudit({
    db: tx,
    actor: opts.actor,
    action: "provisionJob.retry",
    targetType: "provisionJob",
    targetId: job.id,
    details: { newJobId: jobId, attempt },
    requestId: opts.requestId,
  });
  return { job_id: jobId, retry_of_job_id: job.id, attempt, trace_id: job.trace_id, status: "Pending" as const };
}
