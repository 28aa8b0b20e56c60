import { db } from "../../src/server/db";
import { newProvisionJobId, newTenantId, newTraceId } from "../../src/server/services/provisioning/ids";

export type TTenantSeed = {
  slug: string;
  companyName?: string;
  region?: string;
  plan?: string;
  status?: string;
  createdBy?: string | null;
  createdAt?: Date;
};

/** A tenant row as tests need it, with defaults for what a test does not care about. */
export async function seedTenant(seed: TTenantSeed): Promise<string> {
  const id = newTenantId();
  await db().tenant.create({
    data: {
      id,
      slug: seed.slug,
      companyName: seed.companyName ?? seed.slug,
      canonicalHostname: `${seed.slug}.t.test`,
      region: seed.region ?? "sg",
      plan: seed.plan ?? "starter",
      status: seed.status,
      createdBy: seed.createdBy ?? null,
      createdAt: seed.createdAt,
    },
  });
  return id;
}

export type TJobSeed = {
  status: string;
  infraMode?: string;
  dispatchMode?: string;
  dispatchedAt?: Date | null;
  callbackTokenHash?: string;
  createdAt?: Date;
};

/** A tenant and one provision job of it, in the job's region, with a fresh trace. */
export async function seedTenantWithJob(
  tenant: TTenantSeed,
  job: TJobSeed,
): Promise<{ tenantId: string; jobId: string; traceId: string }> {
  const tenantId = await seedTenant(tenant);
  const jobId = newProvisionJobId();
  const traceId = newTraceId();
  await db().provisionJob.create({
    data: {
      id: jobId,
      tenantId,
      status: job.status,
      infraMode: job.infraMode ?? "create_new_server",
      region: tenant.region ?? "sg",
      traceId,
      dispatchMode: job.dispatchMode ?? "local",
      dispatchedAt: job.dispatchedAt ?? null,
      callbackTokenHash: job.callbackTokenHash,
      createdAt: job.createdAt,
    },
  });
  return { tenantId, jobId, traceId };
}
