import { logger } from "@/server/logger";

/** How long a write is retried by default: a Postgres restart or failover takes seconds. */
export const RETRY_WRITE_WITHIN_MS = 30_000;

/**
 * Runs a database write that records an effect already made elsewhere (a
 * mail the SMTP server accepted, a webhook its receiver answered), retrying
 * it with backoff while the database is briefly unreachable instead of
 * failing the job: a failed job would make the effect a second time. Gives
 * up (throwing the last error) after `withinMs` or when `signal` aborts.
 */
export async function retryWrite<T>(
  write: () => Promise<T>,
  opts: { what: string; withinMs?: number; signal?: AbortSignal; firstDelayMs?: number },
): Promise<T> {
  const deadline = Date.now() + (opts.withinMs ?? RETRY_WRITE_WITHIN_MS);
  let delay = opts.firstDelayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (Date.now() + delay > deadline || opts.signal?.aborted) throw err;
      logger.warn({ err, attempt, retryInMs: delay }, `recording ${opts.what} failed; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 2_000);
    }
  }
}
