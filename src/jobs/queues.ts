import type { PgBoss } from "pg-boss";
import { deadLetterQueueOf, JOB_HEARTBEAT_SECONDS, type TJobDefinition } from "./define-job";

const DAY = 24 * 60 * 60;

/**
 * Creates each definition's queue and its dead-letter queue, and brings the
 * options of queues that already exist up to date (createQueue leaves an
 * existing queue untouched).
 */
export async function ensureQueues(boss: PgBoss, definitions: readonly TJobDefinition[]): Promise<void> {
  for (const def of definitions) {
    const deadLetter = deadLetterQueueOf(def);
    // Dead letters wait for an operator, so they are kept longer than live jobs.
    await boss.createQueue(deadLetter, { retentionSeconds: 30 * DAY, deleteAfterSeconds: 30 * DAY });
    const options = {
      retryLimit: def.retry.limit,
      retryDelay: def.retry.delaySeconds,
      retryBackoff: def.retry.backoff,
      expireInSeconds: def.expireInSeconds ?? 15 * 60,
      // A dead worker stops renewing this: its jobs are failed back within
      // seconds instead of waiting out expireInSeconds.
      heartbeatSeconds: def.heartbeatSeconds ?? JOB_HEARTBEAT_SECONDS,
      // null, not undefined: pg-boss rejects the key unless it is null or backoff is on.
      retryDelayMax: def.retry.maxDelaySeconds ?? null,
      deadLetter,
      notify: true,
    };
    await boss.createQueue(def.name, options as Parameters<PgBoss["createQueue"]>[1]);
    await boss.updateQueue(def.name, options);
  }
}

/** Registers cron schedules, and removes those of definitions that no longer have one. */
export async function syncSchedules(boss: PgBoss, definitions: readonly TJobDefinition[]): Promise<void> {
  for (const def of definitions) {
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
    else await boss.unschedule(def.name);
  }
}
