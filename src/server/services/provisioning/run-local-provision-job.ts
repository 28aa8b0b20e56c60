import { env } from "@/env";
import { LOCAL_RUNNER_SOURCE, runLocalWorkflow, type TFinishedStage } from "@/server/integrations/local-runner/run-local-workflow";
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
  // Running: an earlier attempt of this run reported in before it was cut off (its worker died).
  const finished = job.status === "Running" ? await finishedStages(db, opts.jobId) : [];
  const baseUrl = opts.baseUrl ?? config.EMBARK_PUBLIC_URL;
  const result = await runLocalWorkflow({
    baseUrl,
    apiKey: config.INTERNAL_API_KEY,
    message: job.message,
    failStage: failStage.success ? failStage.data : null,
    stageDelayMs: config.LOCAL_RUNNER_STAGE_DELAY_MS,
    signal: opts.signal,
    finished,
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

/** The last finishing event of each stage the local runner reported for `jobId`. */
async function finishedStages(db: TDb, jobId: string): Promise<TFinishedStage[]> {
  const events = await db.traceEvent.findMany({
    where: { jobId, source: LOCAL_RUNNER_SOURCE, status: { in: ["succeeded", "skipped", "failed"] } },
    orderBy: { id: "asc" },
    select: { stage: true, status: true, message: true, data: true },
  });
  const last = new Map(events.map((e) => [e.stage, { ...e, data: (e.data as Record<string, unknown> | null) ?? null }]));
  return [...last.values()];
}
