import { env } from "@/env";
import { db as defaultDb, type TDbOrTx } from "@/server/db";

/** Rows one DELETE removes: short statements, so purging never holds the table for long. */
export const FUNNEL_PURGE_BATCH = 5000;
/** Batches one run may delete; what is left waits for the next run. */
export const FUNNEL_PURGE_MAX_BATCHES = 200;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes funnel events that occurred more than FUNNEL_RETENTION_DAYS ago, in
 * bounded batches (oldest first). Resolves to how many went and whether some
 * are left for the next run.
 */
export async function purgeFunnelEvents(
  opts: { db?: TDbOrTx; now?: Date; retentionDays?: number; batchSize?: number; maxBatches?: number } = {},
): Promise<{ deleted: number; more: boolean }> {
  const db = opts.db ?? defaultDb();
  const days = opts.retentionDays ?? env().FUNNEL_RETENTION_DAYS;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - days * DAY_MS);
  const batch = opts.batchSize ?? FUNNEL_PURGE_BATCH;
  const maxBatches = opts.maxBatches ?? FUNNEL_PURGE_MAX_BATCHES;
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await db.$executeRaw`
      DELETE FROM funnel_events WHERE id IN (
        SELECT id FROM funnel_events WHERE occurred_at < ${cutoff} ORDER BY occurred_at, id LIMIT ${batch}
      )`;
    deleted += n;
    if (n < batch) return { deleted, more: false };
  }
  return { deleted, more: true };
}
