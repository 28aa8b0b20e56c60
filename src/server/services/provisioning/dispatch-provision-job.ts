import { env } from "@/env";
import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDb } from "@/server/db";
import { logger } from "@/server/logger";
import { failOpenJob } from "./provision-job-state";
import { loadProvisionMessage } from "./load-provision-message";
import { dispatchLocallyInOneStatement, LOCAL_DISPATCH_NOTE, markDispatched } from "./mark-dispatched";
import { violatesFailFast, type TProvisionQueueMessage } from "./provision-queue-message";
import { dispatchToGithub, type TGithubDispatcher } from "./dispatch-to-github";

export type TDispatchAttempt = { isLastAttempt: boolean; signal?: AbortSignal };

/**
 * Sends a Pending provision job to its dispatcher. Idempotent: a job that is
 * no longer Pending is left alone, so a repeated background job does nothing.
 * While the local runner dispatches, the usual case (a Pending local job)
 * is one statement (dispatchLocallyInOneStatement); anything else reads the
 * job first.
 */
export async function dispatchProvisionJob(opts: {
  db?: TDb;
  jobId: string;
  attempt: TDispatchAttempt;
  /** The GitHub dispatcher; built from configuration when not given. */
  github?: TGithubDispatcher;
}): Promise<void> {
  const db = opts.db ?? defaultDb();
  if (env().PROVISION_DISPATCHER === "local" && (await dispatchLocallyInOneStatement(db, opts.jobId))) return;
  const job = await loadProvisionMessage(db, opts.jobId);
  if (!job || job.status !== "Pending") {
    logger.info({ jobId: opts.jobId, status: job?.status ?? null }, "provision job not pending; nothing to dispatch");
    return;
  }
  const { message } = job;
  if (violatesFailFast(message)) {
    await db.$transaction((tx) =>
      failOpenJob({
        db: tx,
        jobId: message.job_id,
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
    const dispatched = await markDispatched({
      db: tx,
      message,
      run: { id: `local-${message.job_id}`, url: null },
      note: LOCAL_DISPATCH_NOTE,
      data: { mode: "local" },
    });
    if (dispatched) {
      await enqueue("provisioning.run-local", { jobId: message.job_id }, { db: tx, singletonKey: message.job_id });
    }
  });
}
