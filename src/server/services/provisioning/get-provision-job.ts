import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { listTrace } from "@/server/services/trace/list-trace";
import type { TTraceEvent } from "@/server/services/trace/trace-event";
import {
  PROVISION_JOB_SELECT,
  stagesOf,
  toProvisionJobView,
  type TJobStage,
  type TProvisionJobView,
} from "./provision-job-view";

export type TProvisionJobDetail = TProvisionJobView & { stages: TJobStage[] };

/**
 * A provision job with its stages. `visibleTo` limits a signed-in user to the
 * jobs of tenants they created (others look like they do not exist).
 */
export async function getProvisionJob(opts: {
  db?: TDbOrTx;
  jobId: string;
  visibleTo?: { userId: string };
}): Promise<TProvisionJobDetail> {
  const db = opts.db ?? defaultDb();
  const row = await db.provisionJob.findUnique({
    where: { id: opts.jobId },
    select: { ...PROVISION_JOB_SELECT, tenant: { select: { ...PROVISION_JOB_SELECT.tenant.select, createdBy: true } } },
  });
  if (!row || (opts.visibleTo && row.tenant.createdBy !== opts.visibleTo.userId)) {
    throw new AppError("NOT_FOUND", { message: `No provision job ${opts.jobId}`, details: { job_id: opts.jobId } });
  }
  const view = toProvisionJobView(row);
  const events = await listTrace({ db, traceId: row.traceId, jobId: row.id });
  return { ...view, stages: stagesOf(events, view) };
}

/** The job as operators see it: with its trace (every attempt of the tenant) and its other attempts. */
export async function getProvisionJobForOps(opts: { db?: TDbOrTx; jobId: string }): Promise<{
  job: TProvisionJobDetail;
  trace: TTraceEvent[];
  attempts: { job_id: string; attempt: number; status: string; created_at: Date }[];
  retriedBy: string | null;
}> {
  const db = opts.db ?? defaultDb();
  const job = await getProvisionJob({ db, jobId: opts.jobId });
  const [trace, attempts] = await Promise.all([
    listTrace({ db, traceId: job.trace_id }),
    db.provisionJob.findMany({
      where: { tenantId: job.tenant_id },
      orderBy: { attempt: "asc" },
      select: { id: true, attempt: true, status: true, createdAt: true, retryOfJobId: true },
    }),
  ]);
  return {
    job,
    trace,
    attempts: attempts.map((a) => ({ job_id: a.id, attempt: a.attempt, status: a.status, created_at: a.createdAt })),
    retriedBy: attempts.find((a) => a.retryOfJobId === job.job_id)?.id ?? null,
  };
}
