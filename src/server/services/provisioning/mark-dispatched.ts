import type { Prisma } from "@/generated/prisma/client";
import { utcTimestamp } from "@/server/database/sql-values";
import type { TDbOrTx } from "@/server/db";
import { embarkEvent, embarkEventSql, TRACE_EVENT_COLUMNS } from "@/server/services/trace/append-trace-events";
import type { TProvisionQueueMessage } from "./provision-queue-message";

/**
 * Moves a Pending job to Dispatched with its run reference, its tenant to
 * provisioning, and traces it; false (and nothing written) when the job was
 * no longer Pending. One statement; call it inside a transaction when more
 * has to commit with it.
 */
export async function markDispatched(opts: {
  db: TDbOrTx;
  message: TProvisionQueueMessage;
  run: { id: string | null; url: string | null };
  note: string;
  data: Prisma.InputJsonObject;
}): Promise<boolean> {
  const { db, message } = opts;
  const now = new Date();
  const event = embarkEvent({
    trace_id: message.trace_id!,
    job_id: message.job_id,
    stage: "dispatch",
    status: "succeeded",
    message: opts.note,
    data: { ...opts.data, inputs: message },
  });
  const [row] = await db.$queryRaw<{ dispatched: number }[]>`
    WITH job AS (
      UPDATE provision_jobs
      SET status = 'Dispatched', dispatched_at = ${utcTimestamp(now)}, dispatch_run_id = ${opts.run.id}::text,
          dispatch_run_url = ${opts.run.url}::text, updated_at = ${utcTimestamp(now)}
      WHERE id = ${message.job_id} AND status = 'Pending'
      RETURNING id
    ),
    tenant AS (
      UPDATE tenants SET status = 'provisioning', updated_at = ${utcTimestamp(now)}
      WHERE id = ${message.tenant_id}::uuid AND EXISTS (SELECT 1 FROM job)
    ),
    event AS (
      INSERT INTO trace_events (${TRACE_EVENT_COLUMNS}) SELECT ${embarkEventSql(event, now)} FROM job
    )
    SELECT count(*)::int AS dispatched FROM job`;
  return row!.dispatched === 1;
}
