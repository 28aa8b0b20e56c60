import { Prisma } from "@/generated/prisma/client";
import { enqueueSql } from "@/jobs/registry";
import { queryPrepared } from "@/server/database/prepared";
import { utcTimestamp } from "@/server/database/sql-values";
import type { TDbOrTx } from "@/server/db";
import { embarkEvent, embarkEventSql, TRACE_EVENT_COLUMNS } from "@/server/services/trace/append-trace-events";
import { PROVISION_MESSAGE_SQL } from "./load-provision-message";
import type { TProvisionQueueMessage } from "./provision-queue-message";

/** What a job moved to Dispatched is set to (the job is `provision_jobs` as written, unaliased or aliased `j`). */
function dispatchedSet(run: { id: Prisma.Sql; url: string | null }, now: Date): Prisma.Sql {
  return Prisma.sql`status = 'Dispatched', dispatched_at = ${utcTimestamp(now)}, dispatch_run_id = ${run.id},
    dispatch_run_url = ${run.url}::text, updated_at = ${utcTimestamp(now)}`;
}

/** Its tenant goes to provisioning, in the same statement (`job` is the CTE of the dispatched job, with `tenant_id`). */
function tenantProvisioningCte(now: Date): Prisma.Sql {
  return Prisma.sql`tenant AS (
    UPDATE tenants SET status = 'provisioning', updated_at = ${utcTimestamp(now)}
    WHERE id IN (SELECT tenant_id FROM job)
  )`;
}

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
      UPDATE provision_jobs SET ${dispatchedSet({ id: Prisma.sql`${opts.run.id}::text`, url: opts.run.url }, now)}
      WHERE id = ${message.job_id} AND status = 'Pending'
      RETURNING id, tenant_id
    ),
    ${tenantProvisioningCte(now)},
    event AS (
      INSERT INTO trace_events (${TRACE_EVENT_COLUMNS}) SELECT ${embarkEventSql(event, now)} FROM job
    )
    SELECT count(*)::int AS dispatched FROM job`;
  return row!.dispatched === 1;
}

const LOCAL_DISPATCH_NOTE = "dispatched to the local runner";

/**
 * The whole local dispatch of a Pending job in one (prepared) statement, without
 * reading the job first: Dispatched (run `local-<job id>`), its tenant
 * provisioning, the trace event with the workflow inputs (built in SQL, see
 * PROVISION_MESSAGE_SQL) and the provisioning.run-local job. Only a job the
 * local runner should run now qualifies: Pending, recorded for the local
 * dispatcher, and not refused by the workflow's fail-fast rule (a target
 * server or a new one). False, with nothing written, for any other job: the
 * caller then takes the general path, which reads the job and explains.
 */
export async function dispatchLocallyInOneStatement(db: TDbOrTx, jobId: string): Promise<boolean> {
  const now = new Date();
  const run = await enqueueSql("provisioning.run-local", { jobId }, { singletonKey: jobId, when: Prisma.sql`EXISTS (SELECT 1 FROM job)`, as: "run" });
  const [row] = await queryPrepared<{ dispatched: number }>(
    db,
    Prisma.sql`
    WITH job AS (
      UPDATE provision_jobs j SET ${dispatchedSet({ id: Prisma.sql`'local-' || j.id`, url: null }, now)}
      FROM tenants t
      WHERE j.id = ${jobId} AND t.id = j.tenant_id AND j.status = 'Pending' AND j.dispatch_mode = 'local'
        AND (j.infra_mode = 'create_new_server' OR COALESCE(j.target_server_id, '') ~ '\\S')
      RETURNING j.id, j.tenant_id, j.trace_id, ${PROVISION_MESSAGE_SQL} AS message
    ),
    ${tenantProvisioningCte(now)},
    event AS (
      INSERT INTO trace_events (${TRACE_EVENT_COLUMNS})
      SELECT trace_id, id, 'dispatch', 'succeeded', ${LOCAL_DISPATCH_NOTE}::text,
             jsonb_build_object('mode', 'local', 'inputs', message), 'embark', ${utcTimestamp(now)}, ${utcTimestamp(now)}
      FROM job
    ),
    ${run.ctes}
    SELECT (SELECT count(*)::int FROM job) AS dispatched, ${run.inserted} AS run_enqueued`,
  );
  return row!.dispatched === 1;
}
