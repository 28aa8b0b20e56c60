import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDb } from "@/server/db";
import { logger } from "@/server/logger";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import { failOpenJob } from "./provision-job-state";
import { buildProvisionQueueMessage, violatesFailFast, type TProvisionQueueMessage } from "./provision-queue-message";
import { dispatchToGithub, type TGithubDispatcher } from "./dispatch-to-github";

export type TDispatchAttempt = { isLastAttempt: boolean; signal?: AbortSignal };

/**
 * Sends a Pending provision job to its dispatcher. Idempotent: a job that is
 * no longer Pending is left alone, so a repeated background job does nothing.
 */
export async function dispatchProvisionJob(opts: {
  db?: TDb;
  jobId: string;
  attempt: TDispatchAttempt;
  /** The GitHub dispatcher; built from configuration when not given. */
  github?: TGithubDispatcher;
}): Promise<void> {
  const db = opts.db ?? defaultDb();
  const job = await db.provisionJob.findUnique({
    where: { id: opts.jobId },
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
      tenant: { select: { slug: true, canonicalHostname: true } },
    },
  });
  if (!job || job.status !== "Pending") {
    logger.info({ jobId: opts.jobId, status: job?.status ?? null }, "provision job not pending; nothing to dispatch");
    return;
  }
  const message = buildProvisionQueueMessage({
    jobId: job.id,
    tenantId: job.tenantId,
    region: job.region,
    createNewServer: job.infraMode === "create_new_server",
    targetServerId: job.targetServerId,
    subdomainSlug: job.tenant.slug,
    canonicalHostname: job.tenant.canonicalHostname,
    dedicated: job.dedicated === 1,
    traceId: job.traceId,
  });
  if (violatesFailFast(message)) {
    await db.$transaction((tx) =>
      failOpenJob({
        db: tx,
        jobId: job.id,
        failureStage: "placement",
        message: "Refused to dispatch: no target server and create_new_server is false",
        extraData: { message },
      }),
    );
    return;
  }
  if (job.dispatchMode === "local") return dispatchLocally(db, message);
  return dispatchToGithub({ db, message, attempt: opts.attempt, github: opts.github });
}

async function dispatchLocally(db: TDb, message: TProvisionQueueMessage): Promise<void> {
  await db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.provisionJob.updateMany({
      where: { id: message.job_id, status: "Pending" },
      data: { status: "Dispatched", dispatchedAt: now, dispatchStartedAt: now, dispatchRunId: `local-${message.job_id}` },
    });
    if (updated.count === 0) return;
    await tx.tenant.update({ where: { id: message.tenant_id }, data: { status: "provisioning" } });
    await appendTraceEvents({
      db: tx,
      events: [
        embarkEvent({
          trace_id: message.trace_id!,
          job_id: message.job_id,
          stage: "dispatch",
          status: "succeeded",
          message: "dispatched to the local runner",
          data: { mode: "local", inputs: message },
        }),
      ],
    });
    await enqueue("provisioning.run-local", { jobId: message.job_id }, { db: tx, singletonKey: message.job_id });
  });
}
