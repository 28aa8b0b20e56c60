import type { PgBoss } from "pg-boss";
import { logger } from "@/server/logger";
import { BOSS_SCHEMA, SUPERVISE_SECONDS } from "./boss";

/** What pg-boss's supervisor writes into a job it failed because its worker's heartbeat stopped. */
export const LOST_JOB_OUTPUT = { value: { message: "job heartbeat timeout" } };

/**
 * A job whose worker died is not at fault: pg-boss fails it back to `retry`
 * with its queue's backoff (up to an hour away), as if the handler had
 * thrown. Those jobs are made due now, so a crash costs the heartbeat window,
 * not a backoff. Returns the queues that got jobs back.
 */
export async function reclaimLostJobs(boss: PgBoss, queues: readonly string[]): Promise<string[]> {
  const { rows } = await boss.getDb().executeSql(
    `UPDATE ${BOSS_SCHEMA}.job SET start_after = now()
     WHERE name = ANY($1::text[]) AND state = 'retry' AND start_after > now() AND output @> $2::jsonb
     RETURNING name`,
    [queues, JSON.stringify(LOST_JOB_OUTPUT)],
  );
  return [...new Set((rows as { name: string }[]).map((r) => r.name))];
}

/**
 * Runs `reclaimLostJobs` at once (a restart takes back what a dead process
 * held as soon as its heartbeats lapse) and then every supervise interval,
 * handing the queues that got jobs back to `onReclaimed`. Returns the stop
 * function.
 */
export function superviseLostJobs(
  boss: PgBoss,
  queues: readonly string[],
  onReclaimed: (queues: string[]) => void,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const pass = async () => {
    try {
      const reclaimed = await reclaimLostJobs(boss, queues);
      if (reclaimed.length > 0 && !stopped) {
        logger.warn({ queues: reclaimed }, "background jobs of a worker that stopped answering run again");
        onReclaimed(reclaimed);
      }
    } catch (err) {
      logger.warn({ err }, "reclaiming background jobs of lost workers failed; the next pass tries again");
    }
    if (!stopped) timer = setTimeout(() => void pass(), SUPERVISE_SECONDS * 1000).unref();
  };
  void pass();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
