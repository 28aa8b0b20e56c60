import { env } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { logger } from "@/server/logger";
import { failOpenJob } from "./provision-job-state";
import { loadProvisionMessage } from "./load-provision-message";
import { dispatchLocallyInOneStatement } from "./mark-dispatched";
import { violatesFailFast } from "./provision-queue-message";
import { dispatchToGithub, type TGithubDispatcher } from "./dispatch-to-github";

export type TDispatchAttempt = { isLastAttempt: boolean; signal?: AbortSignal };

/**
 * Sends a Pending provision job to its dispatcher. Idempotent: a job that is
 * no longer Pending is left alone, so a repeated background job does nothing.
 * While the local runner dispatches, the usual case (a Pending local job)
 * is one statement (dispatchLocallyInOneStatement); anything else reads the
 * job first, and a local job found then (this process dispatches to GitHub,
 * but the job was recorded for the local runner) is dispatched by the same
 * statement.
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
  if (job.dispatchMode === "local") {
    await dispatchLocallyInOneStatement(db, message.job_id);
    return;
  }
  return dispatchToGithub({ db, message, attempt: opts.attempt, github: opts.github });
}
