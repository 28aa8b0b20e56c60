import { env } from "@/env";
import { runLocalWorkflow } from "@/server/integrations/local-runner/run-local-workflow";
import { db as defaultDb, type TDb } from "@/server/db";
import { logger } from "@/server/logger";
import { loadProvisionMessage } from "./load-provision-message";
import { failOpenJob } from "./provision-job-state";
import { ZProvisionStage } from "./provision-queue-message";

/**
 * Runs a job dispatched to the local runner. A job that already ended (the
 * callback arrived before a crash) is not run again. When the run cannot reach
 * Embark on its last attempt, the job fails at stage `callback` at once rather
 * than waiting for the watchdog.
 */
export async function runLocalProvisionJob(opts: {
  db?: TDb;
  jobId: string;
  signal?: AbortSignal;
  baseUrl?: string;
  isLastAttempt?: boolean;
}): Promise<void> {
  const db = opts.db ?? defaultDb();
  const config = env();
  const job = await loadProvisionMessage(db, opts.jobId);
  if (!job || (job.status !== "Dispatched" && job.status !== "Running")) {
    logger.info({ jobId: opts.jobId, status: job?.status ?? null }, "local run skipped: job is not waiting for a run");
    return;
  }
  const failStage = ZProvisionStage.safeParse(job.simulateFailureStage);
  const baseUrl = opts.baseUrl ?? config.EMBARK_PUBLIC_URL;
  const result = await runLocalWorkflow({
    baseUrl,
    apiKey: config.INTERNAL_API_KEY,
    message: job.message,
    failStage: failStage.success ? failStage.data : null,
    stageDelayMs: config.LOCAL_RUNNER_STAGE_DELAY_MS,
    signal: opts.signal,
  }).catch(async (err: unknown) => {
    if (!opts.isLastAttempt || opts.signal?.aborted) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    await db.$transaction((tx) =>
      failOpenJob({
        db: tx,
        jobId: opts.jobId,
        failureStage: "callback",
        message: `The local runner could not report to Embark at ${baseUrl}: ${reason}`,
      }),
    );
    return null;
  });
  if (!result) return;
  logger.info({ jobId: opts.jobId, ...result }, "local provision run finished");
}
