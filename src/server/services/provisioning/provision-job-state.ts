import type { Prisma } from "@/generated/prisma/client";
import type { TDbOrTx } from "@/server/db";
import { onProvisionJobEnded } from "@/server/services/onboarding/on-provision-job-ended";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import type { TFailureStage } from "./provision-queue-message";

export const PROVISION_JOB_STATUSES = ["Pending", "Dispatched", "Running", "Completed", "Failed"] as const;
export type TProvisionJobStatus = (typeof PROVISION_JOB_STATUSES)[number];
export const OPEN_STATUSES: TProvisionJobStatus[] = ["Pending", "Dispatched", "Running"];

export function isTerminal(status: string): boolean {
  return status === "Completed" || status === "Failed";
}

/**
 * Fails an open job (and its tenant) with a stage and message, and traces it.
 * A job that already ended is left alone: the answer is false.
 */
export async function failOpenJob(opts: {
  db: TDbOrTx;
  jobId: string;
  failureStage: TFailureStage;
  message: string;
  extraData?: Prisma.InputJsonObject;
}): Promise<boolean> {
  const { db } = opts;
  const now = new Date();
  const updated = await db.provisionJob.updateMany({
    where: { id: opts.jobId, status: { in: OPEN_STATUSES } },
    data: { status: "Failed", failureStage: opts.failureStage, message: opts.message, finishedAt: now },
  });
  if (updated.count === 0) return false;
  const job = await db.provisionJob.findUniqueOrThrow({
    where: { id: opts.jobId },
    select: { tenantId: true, traceId: true },
  });
  await db.tenant.update({ where: { id: job.tenantId }, data: { status: "failed" } });
  await appendTraceEvents({
    db,
    events: [
      embarkEvent({
        trace_id: job.traceId,
        job_id: opts.jobId,
        stage: opts.failureStage,
        status: "failed",
        message: opts.message,
        data: opts.extraData,
      }),
    ],
  });
  await onProvisionJobEnded(db, {
    jobId: opts.jobId,
    status: "Failed",
    failureStage: opts.failureStage,
    message: opts.message,
  });
  return true;
}
