import { env, type ZRegion } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { withIdempotency } from "@/server/services/idempotency/with-idempotency";
import type { TPlacementResult, TPlan } from "@/server/services/placement/decide-placement";
import { reservePlacement } from "@/server/services/placement/reserve-placement";
import { createPendingJob } from "@/server/services/provisioning/create-pending-job";
import { newProvisionJobId, newTenantId, newTraceId } from "@/server/services/provisioning/ids";
import type { TProvisionStage } from "@/server/services/provisioning/provision-queue-message";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
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

function isSlugCollision(err: unknown): boolean {
  return (
    err instanceof Prisma.PrismaClientKnownRequestError &&
    err.code === "P2002" &&
    /slug|canonical_hostname|tenants/.test(JSON.stringify(err.meta ?? {}))
  );
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
 * Registers a tenant and its first provision job in the caller's
 * transaction: the tenant, a placement with its capacity reserved, the job
 * (Pending), a trace event and the dispatch background job. The job carries
 * `traceId` when the caller has one (the wizard's, from its first step) and
 * no other tenant's job uses it; otherwise a fresh one. A taken slug is
 * CONFLICT (and the caller's transaction rolls back).
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
  const taken = await tx.tenant.findUnique({ where: { slug }, select: { id: true } });
  if (taken) throw slugTaken(slug);
  const tenantId = newTenantId();
  const jobId = newProvisionJobId();
  const traceId = await traceIdFor(tx, opts.traceId);
  // A slug taken by a concurrent signup fails the insert below and rolls the reservation back with it.
  const placement = await reservePlacement({ db: tx, request: { region, plan } });
  await tx.tenant.create({
    data: {
      id: tenantId,
      slug,
      companyName: input.company_name,
      canonicalHostname,
      region,
      plan,
      nodeId: placement.target_server_id,
      createdBy: opts.createdBy ?? null,
    },
    select: { id: true },
  });
  await createPendingJob({
    db: tx,
    jobId,
    tenantId,
    traceId,
    placement,
    simulateFailureStage: input.simulate_failure_stage,
  });
  await appendTraceEvents({
    db: tx,
    events: [
      embarkEvent({
        trace_id: traceId,
        job_id: jobId,
        stage: "placement",
        status: "succeeded",
        message: placement.create_new_server
          ? `${placement.dedicated ? "dedicated" : "shared"} stack on a new server in ${region}`
          : `on ${placement.target_server_id} in ${region}`,
        data: { ...placement, plan, tenant_id: tenantId, slug },
      }),
    ],
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

/** The caller's trace id unless a provision job already carries it (one trace, one tenant). */
async function traceIdFor(tx: TDbOrTx, wanted: string | null | undefined): Promise<string> {
  if (!wanted) return newTraceId();
  const used = await tx.provisionJob.findFirst({ where: { traceId: wanted }, select: { id: true } });
  return used ? newTraceId() : wanted;
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
 * Registers a tenant and its first provision job in one transaction (see
 * registerTenant). With an idempotency key a retry returns the first answer
 * and creates nothing.
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
  const { input } = opts;
  return withSlugConflict(input.subdomain_slug, () =>
    withIdempotency<TCreateTenantResult>({
      db,
      scope: `${opts.callerScope}:tenants.create`,
      key: opts.idempotencyKey ?? null,
      request: input,
      work: async (tx) => {
        const { job_id, tenant_id, trace_id, status } = await registerTenant(tx, { input, createdBy: opts.createdBy });
        return { job_id, tenant_id, trace_id, status };
      },
    }),
  );
}
