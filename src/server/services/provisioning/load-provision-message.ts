import { Prisma } from "@/generated/prisma/client";
import type { TDbOrTx } from "@/server/db";
import { buildProvisionQueueMessage, type TProvisionQueueMessage } from "./provision-queue-message";

/** A provision job with the workflow inputs it stands for. */
export type TJobWithMessage = {
  status: string;
  dispatchMode: string;
  simulateFailureStage: string | null;
  message: TProvisionQueueMessage;
};

type TRow = {
  id: string;
  status: string;
  tenant_id: string;
  region: string;
  infra_mode: string;
  dedicated: number | null;
  target_server_id: string | null;
  trace_id: string;
  dispatch_mode: string;
  simulate_failure_stage: string | null;
  slug: string;
  canonical_hostname: string;
};

/** Reads a job (with its tenant, in one statement) and builds its ProvisionQueueMessage; null when there is no such job. */
export async function loadProvisionMessage(db: TDbOrTx, jobId: string): Promise<TJobWithMessage | null> {
  const [job] = await db.$queryRaw<TRow[]>`
    SELECT j.id, j.status, j.tenant_id::text AS tenant_id, j.region, j.infra_mode, j.dedicated, j.target_server_id, j.trace_id,
           j.dispatch_mode, j.simulate_failure_stage, t.slug, t.canonical_hostname
    FROM provision_jobs j JOIN tenants t ON t.id = j.tenant_id
    WHERE j.id = ${jobId}`;
  if (!job) return null;
  return {
    status: job.status,
    dispatchMode: job.dispatch_mode,
    simulateFailureStage: job.simulate_failure_stage,
    message: buildProvisionQueueMessage({
      jobId: job.id,
      tenantId: job.tenant_id,
      region: job.region,
      createNewServer: job.infra_mode === "create_new_server",
      targetServerId: job.target_server_id,
      subdomainSlug: job.slug,
      canonicalHostname: job.canonical_hostname,
      dedicated: job.dedicated === 1,
      traceId: job.trace_id,
    }),
  };
}

/**
 * The message loadProvisionMessage builds, as a SQL expression (jsonb) over a
 * provision job aliased `j` and its tenant aliased `t`: for a statement that
 * writes it (the dispatch trace event) without reading the job first.
 * local-dispatch.int.test.ts holds it to buildProvisionQueueMessage.
 */
export const PROVISION_MESSAGE_SQL = Prisma.sql`jsonb_build_object(
  'job_id', j.id,
  'tenant_id', j.tenant_id::text,
  'region', j.region,
  'create_new_server', CASE WHEN j.infra_mode = 'create_new_server' THEN 'true' ELSE 'false' END,
  'target_server_id', COALESCE(j.target_server_id, ''),
  'subdomain_slug', t.slug,
  'canonical_hostname', t.canonical_hostname,
  'dedicated', CASE WHEN j.dedicated = 1 THEN 'true' ELSE 'false' END,
  'trace_id', j.trace_id)`;
