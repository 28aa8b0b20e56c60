import { randomUUID } from "node:crypto";
import { createLocalJWKSet, jwtVerify, type JWTPayload } from "jose";
import { reloadEnv } from "@/env";
import { db } from "@/server/db";
import { newEntitlementId } from "./licensing-ids";
import { licenceJwks } from "./signing-keys";

/** Two fixed Ed25519 seeds for tests: A signs first; B is the key rotated in. */
export const TEST_SIGNING_SEED_A = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
export const TEST_SIGNING_SEED_B = "Pp2Qe7uX4yL9tK1mV8bN3cR6zW0sD5fG2hJ7kA9xQeU";

/** Points the configuration at licensing test values (and any overrides), then re-reads it. */
export function applyLicensingEnv(overrides: Record<string, string | undefined> = {}): void {
  Object.assign(process.env, {
    LICENSE_SIGNING_KEY: TEST_SIGNING_SEED_A,
    LICENSE_RATE_LIMIT_PER_ADDRESS: "1000",
    LICENSE_RATE_LIMIT_PER_CODE_PREFIX: "1000",
    ...overrides,
  });
  for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete process.env[k];
  reloadEnv();
}

/** A paid registry tenant with an active entitlement, as a completed checkout leaves it. */
export async function createPaidTenant(opts: { edition?: "pro" | "premium"; email?: string } = {}) {
  const tenant = await db().registryTenant.create({
    data: { id: randomUUID(), companyName: "Paid Co", contactEmail: opts.email ?? "ops@paid.example", edition: opts.edition ?? "pro" },
  });
  const entitlement = await db().licenseEntitlement.create({
    data: { id: newEntitlementId(), tenantId: tenant.id, edition: tenant.edition, status: "active", stripeSubscriptionId: `sub_${randomUUID()}` },
  });
  return { tenant, entitlement };
}

/** Verifies a licence against the published JWKS, as an appliance would offline. */
export async function verifyLicence(jwt: string, tenantId: string): Promise<JWTPayload & Record<string, unknown>> {
  const { payload } = await jwtVerify(jwt, createLocalJWKSet(await licenceJwks()), { audience: tenantId, algorithms: ["EdDSA"] });
  return payload as JWTPayload & Record<string, unknown>;
}
