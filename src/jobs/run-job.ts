import type { JobResult, JobWithMetadata } from "pg-boss";
import { logger } from "@/server/logger";
import type { TJobDefinition } from "./define-job";

/**
 * The pg-boss work callback for one definition: re-parses each payload with
 * the definition's schema, runs the handler, and reports a per-job outcome.
 * A payload that does not parse never will, so it goes straight to the
 * dead-letter queue instead of burning retries.
 */
export function jobWorker(def: TJobDefinition, afterBatch: () => void = () => undefined) {
  return async (jobs: JobWithMetadata<unknown>[]): Promise<JobResult[]> => {
    const results: JobResult[] = [];
    for (const job of jobs) results.push(await runOne(def, job));
    afterBatch();
    return results;
  };
}

async function runOne(def: TJobDefinition, job: JobWithMetadata<unknown>): Promise<JobResult> {
  const log = logger.child({ queue: def.name, jobId: job.id, attempt: job.retryCount + 1 });
  const parsed = def.payload.safeParse(job.data);
  if (!parsed.success) {
    log.error({ issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })) }, "invalid job payload");
    return { id: job.id, status: "deadletter", output: { message: "invalid payload" } };
  }
  const started = Date.now();
  try {
    const { default: handler } = await def.handler();
    await handler(parsed.data, {
      jobId: job.id,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      isLastAttempt: job.retryCount >= job.retryLimit,
      signal: job.signal,
    });
    log.debug({ ms: Date.now() - started }, "job completed");
    return { id: job.id, status: "completed" };
  } catch (err) {
    // Handlers throw messages written for operators, without secrets; the
    // stack stays in the log only.
    const message = err instanceof Error ? err.message : String(err);
    log.warn({ err, ms: Date.now() - started, willRetry: job.retryCount < job.retryLimit }, "job attempt failed");
    return { id: job.id, status: "failed", output: { message } };
  }
}
