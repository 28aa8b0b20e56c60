import { env, type ZRegion } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { withIdempotency } from "@/server/services/idempotency/with-idempotency";
import { isPgUniqueViolation, queryPrepared } from "@/server/database/prepared";
import { utcTimestamp } from "@/server/database/sql-values";
import type { TPlacementNode, TPlacementResult, TPlan } from "@/server/services/placement/decide-placement";
import { placementCandidatesJson, reservationCte, reservationWon, reservePlacementWith } from "@/server/services/placement/reserve-placement";
import { dispatchJobSql, pendingJobRow } from "@/server/services/provisioning/create-pending-job";
import { newProvisionJobId, newTenantId, newTraceId } from "@/server/services/provisioning/ids";
import type { TProvisionStage } from "@/server/services/provisioning/provision-queue-message";
import { embarkEvent, embarkEventSql, TRACE_EVENT_COLUMNS } from "@/server/services/trace/append-trace-events";
import type { z } from "zod";
import { canonicalHostnameOf } from "./tenant-slug";

export type TCreateTenantInput = {
  company_name: string;
  subdomain_slug: string;
  region?: z.infer<typeof ZRegion>;
  plan?: TPlan;
  simulate_failure_stage?: TProvisionStage;
};

/** The answer to a signup: a provision job is on its way. */
export type TCreateTenantResult = { job_id: string; tenant_id: string; trace_id: string; status: "Pending" };

function slugTaken(slug: string): AppError {
  return new AppError("CONFLICT", {
    message: `The subdomain ${slug} is taken`,
    details: { field: "subdomain_slug", slug },
  });
}

/**
 * A unique violation on the tenant's slug or hostname: from a model query
 * (P2002), a raw statement (P2010, SQLSTATE 23505) or a prepared one
 * (node-postgres's 23505 on `tenants`).
 */
function isSlugCollision(err: unknown): boolean {
  if (isPgUniqueViolation(err, "tenants")) return true;
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = JSON.stringify(err.meta ?? {});
  const unique = err.code === "P2002" || (err.code === "P2010" && meta.includes('"originalCode":"23505"'));
  return unique && /slug|canonical_hostname|tenants/.test(meta);
}

/** What registering a tenant wrote, for callers that record more in the same transaction. */
export type TRegisteredTenant = TCreateTenantResult & {
  canonical_hostname: string;
  region: z.infer<typeof ZRegion>;
  plan: TPlan;
  placement: TPlacementResult;
};

/** Refuses `simulate_failure_stage` unless the local runner dispatches. */
export function assertFailureSimulationAllowed(stage: string | null | undefined): void {
  if (stage && env().PROVISION_DISPATCHER !== "local") {
    throw new AppError("BAD_REQUEST", {
      message: "simulate_failure_stage is accepted only while the local runner dispatches provisioning",
      details: { field: "simulate_failure_stage" },
    });
  }
}

/**
 * Registers a tenant and its first provision job: the tenant, a placement
 * with its capacity reserved, the job (Pending), a trace event and the
 * dispatch background job. The job carries `traceId` when the caller has one
 * (the wizard's, from its first step) and no other tenant's job uses it;
 * otherwise a fresh one. A taken slug is CONFLICT.
 *
 * Two statements (prepared ones on the root client, see queryPrepared): one
 * read (slug, trace id, candidate nodes) and one write (reservation, tenant,
 * job, trace event and dispatch job together, written only if the
 * reservation won). The write is all or nothing on its own, so `tx` may be
 * the root client; pass a transaction to commit more with it.
 */
export async function registerTenant(
  tx: TDbOrTx,
  opts: { input: TCreateTenantInput; createdBy?: string | null; traceId?: string | null },
): Promise<TRegisteredTenant> {
  const config = env();
  const { input } = opts;
  assertFailureSimulationAllowed(input.simulate_failure_stage);
  const region = input.region ?? config.DEFAULT_REGION;
  const plan = input.plan ?? "starter";
  const slug = input.subdomain_slug;
  const canonicalHostname = canonicalHostnameOf(slug, config.TENANT_BASE_DOMAIN);
  const wantedTrace = opts.traceId || null;
  const [seen] = await queryPrepared<{ slug_taken: boolean; trace_used: boolean; nodes: TPlacementNode[] }>(
    tx,
    Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM tenants WHERE slug = ${slug}) AS slug_taken,
           EXISTS (SELECT 1 FROM provision_jobs WHERE trace_id = ${wantedTrace}) AS trace_used,
           ${placementCandidatesJson(region)} AS nodes`,
  );
  if (seen!.slug_taken) throw slugTaken(slug);
  const tenantId = newTenantId();
  const jobId = newProvisionJobId();
  // The caller's trace id unless a provision job already carries it (one trace, one tenant).
  const traceId = wantedTrace && !seen!.trace_used ? wantedTrace : newTraceId();
  const now = new Date();
  const dispatch = await dispatchJobSql(jobId, Prisma.sql`EXISTS (SELECT 1 FROM job)`);
  // A slug taken by a concurrent signup fails the insert and rolls the reservation back with it.
  const { placement } = await reservePlacementWith({
    db: tx,
    request: { region, plan },
    nodes: seen!.nodes,
    reserve: async (placement) => {
      const nodeId = placement.target_server_id;
      const job = pendingJobRow({ jobId, tenantId, traceId, placement, simulateFailureStage: input.simulate_failure_stage });
      const event = embarkEvent({
        trace_id: traceId,
        job_id: jobId,
        stage: "placement",
        status: "succeeded",
        message: placement.create_new_server
          ? `${placement.dedicated ? "dedicated" : "shared"} stack on a new server in ${region}`
          : `on ${placement.target_server_id} in ${region}`,
        data: { ...placement, plan, tenant_id: tenantId, slug },
      });
      const [written] = await queryPrepared<{ written: number }>(
        tx,
        Prisma.sql`
        WITH ${reservationCte(nodeId)},
        tenant AS (
          INSERT INTO tenants (id, slug, company_name, canonical_hostname, region, plan, node_id, created_by, created_at, updated_at)
          SELECT ${tenantId}::uuid, ${slug}::text, ${input.company_name}::text, ${canonicalHostname}::text, ${region}::text,
                 ${plan}::text, ${nodeId}::text, ${opts.createdBy ?? null}::text, ${utcTimestamp(now)}, ${utcTimestamp(now)}
          WHERE ${reservationWon(nodeId)}
          RETURNING id
        ),
        job AS (
          INSERT INTO provision_jobs (id, tenant_id, attempt, retry_of_job_id, status, infra_mode, dedicated, region, trace_id,
                                      target_server_id, placement_reasons, dispatch_mode, simulate_failure_stage, created_at, updated_at)
          SELECT ${job.id}::text, tenant.id, ${job.attempt}::int, ${job.retryOfJobId}::text, ${job.status}::text,
                 ${job.infraMode}::text, ${job.dedicated}::int, ${job.region}::text, ${job.traceId}::text, ${job.targetServerId}::text,
                 ${job.placementReasons}::text[], ${job.dispatchMode}::text, ${job.simulateFailureStage}::text,
                 ${utcTimestamp(now)}, ${utcTimestamp(now)}
          FROM tenant
          RETURNING id
        ),
        event AS (
          INSERT INTO trace_events (${TRACE_EVENT_COLUMNS}) SELECT ${embarkEventSql(event, now)} FROM job
        ),
        ${dispatch.ctes}
        SELECT (SELECT count(*)::int FROM job) AS written,
               -- a job without its dispatch (which a fresh job id cannot meet) fails the whole statement
               1 / (CASE WHEN ${dispatch.inserted} = (SELECT count(*) FROM job) THEN 1 ELSE 0 END) AS dispatch_guard`,
      );
      return written!.written === 1 ? true : null;
    },
  });
  return {
    job_id: jobId,
    tenant_id: tenantId,
    trace_id: traceId,
    status: "Pending",
    canonical_hostname: canonicalHostname,
    region,
    plan,
    placement,
  };
}

/** Runs `work` and turns a slug collision at commit into CONFLICT. */
export async function withSlugConflict<T>(slug: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isSlugCollision(err)) throw slugTaken(slug);
    throw err;
  }
}

/**
 * Registers a tenant and its first provision job (see registerTenant). With
 * an idempotency key it runs in a transaction with the key's record, and a
 * retry returns the first answer and creates nothing; without one its single
 * write needs no transaction.
 */
export async function createTenant(opts: {
  db?: TDb;
  input: TCreateTenantInput;
  /** Who asks, for the idempotency scope; e.g. `user:<id>`. */
  callerScope: string;
  createdBy?: string | null;
  idempotencyKey?: string | null;
}): Promise<TCreateTenantResult> {
  const db = opts.db ?? defaultDb();
  const { input, idempotencyKey } = opts;
  const register = async (tx: TDbOrTx): Promise<TCreateTenantResult> => {
    const { job_id, tenant_id, trace_id, status } = await registerTenant(tx, { input, createdBy: opts.createdBy });
    return { job_id, tenant_id, trace_id, status };
  };
  if (!idempotencyKey) return withSlugConflict(input.subdomain_slug, () => register(db));
  return withSlugConflict(input.subdomain_slug, () =>
    withIdempotency<TCreateTenantResult>({
      db,
      scope: `${opts.callerScope}:tenants.create`,
      key: idempotencyKey,
      request: input,
      work: register,
    }),
  );
}
