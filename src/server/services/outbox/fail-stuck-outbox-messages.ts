import { Prisma } from "@/generated/prisma/client";
import { BOSS_SCHEMA } from "@/jobs/boss";
import { mailSendJob } from "@/jobs/definitions/mail/send";
import { db as defaultDb, type TDbOrTx } from "@/server/db";

/**
 * How long a message may sit `queued` before its delivery job is checked. Its
 * job is inserted with it, so this only keeps the check clear of pg-boss
 * moving a job between states while a handler is still writing the row.
 */
export const STUCK_GRACE_MS = 15 * 60 * 1000;

/** `lastError` of a stuck message, by the state of its most recent delivery job. */
export const STUCK_REASONS = {
  failed: "delivery job ended without a result (interrupted or expired on its last attempt); retry to send again",
  cancelled: "delivery job was cancelled before the mail was sent; retry to send again",
  completed: "delivery job completed without a result; retry to send again",
  missing: "no delivery job exists for this message; retry to send again",
} as const;

/**
 * Marks failed every message still `queued` past the grace period whose
 * `mail.send` job can no longer run (failed, cancelled, completed or gone).
 * pg-boss fails a job whose last attempt was cut short by a shutdown or its
 * expiry without the handler recording anything, and nothing else would
 * ever move such a row. A message with a job still created, retrying or
 * active is left alone. One statement, so a job becoming live in between
 * cannot be missed. Resolves to the number of messages marked failed.
 */
export async function failStuckOutboxMessages(opts: { db?: TDbOrTx; now?: Date } = {}): Promise<{ failed: number }> {
  const db = opts.db ?? defaultDb();
  const cutoff = new Date((opts.now ?? new Date()).getTime() - STUCK_GRACE_MS);
  const jobs = Prisma.raw(`"${BOSS_SCHEMA}".job`);
  const queue = mailSendJob.name;
  // created_at is a UTC timestamp without zone, as Prisma writes it.
  const failed = await db.$executeRaw`
    UPDATE outbox_messages m
    SET status = 'failed',
        last_error = COALESCE(
          (SELECT CASE j.state::text
                    WHEN 'cancelled' THEN ${STUCK_REASONS.cancelled}
                    WHEN 'completed' THEN ${STUCK_REASONS.completed}
                    ELSE ${STUCK_REASONS.failed}
                  END
             FROM ${jobs} j
            WHERE j.name = ${queue} AND j.data->>'messageId' = m.id
            ORDER BY j.created_on DESC
            LIMIT 1),
          ${STUCK_REASONS.missing})
    WHERE m.status = 'queued'
      AND m.created_at < (${cutoff.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      AND NOT EXISTS (
        SELECT 1 FROM ${jobs} j
         WHERE j.name = ${queue} AND j.data->>'messageId' = m.id
           AND j.state IN ('created', 'retry', 'active'))`;
  return { failed };
}
