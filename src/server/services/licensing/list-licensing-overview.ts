import { db as defaultDb, type TDb } from "@/server/db";
import { licenceStatusOf } from "./licence-status";

/** An install code's state; its value is never shown. */
export type TCodeState = "open" | "redeemed" | "revoked" | "expired";

function codeState(code: { consumedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): TCodeState {
  if (code.consumedAt) return "redeemed";
  if (code.revokedAt) return "revoked";
  return code.expiresAt <= now ? "expired" : "open";
}

/**
 * What /cp/licensing shows: the newest registry tenants, install codes (state
 * only), entitlements and appliances with their last check-in.
 */
export async function listLicensingOverview(opts: { db?: TDb; limit?: number; now?: Date } = {}) {
  const db = opts.db ?? defaultDb();
  const take = opts.limit ?? 50;
  const now = opts.now ?? new Date();
  const tenantName = { select: { companyName: true } } as const;
  const [tenants, codes, entitlements, appliances] = await Promise.all([
    db.registryTenant.findMany({ orderBy: { createdAt: "desc" }, take }),
    db.installCode.findMany({
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, tenantId: true, entitlementId: true, expiresAt: true, consumedAt: true, consumedBy: true, revokedAt: true, createdAt: true, tenant: tenantName },
    }),
    db.licenseEntitlement.findMany({ orderBy: { createdAt: "desc" }, take, include: { tenant: tenantName } }),
    db.appliance.findMany({ orderBy: { createdAt: "desc" }, take, include: { tenant: tenantName, entitlement: true } }),
  ]);
  return {
    tenants: tenants.map((t) => ({ id: t.id, companyName: t.companyName, contactEmail: t.contactEmail, edition: t.edition, installedAt: t.installedAt, createdAt: t.createdAt })),
    codes: codes.map(({ tenant, ...c }) => ({ ...c, companyName: tenant.companyName, state: codeState(c, now) })),
    entitlements: entitlements.map(({ tenant, ...e }) => ({
      id: e.id,
      tenantId: e.tenantId,
      companyName: tenant.companyName,
      edition: e.edition,
      status: e.status,
      currentPeriodEnd: e.currentPeriodEnd,
      stripeSubscriptionId: e.stripeSubscriptionId,
      revokedAt: e.revokedAt,
      createdAt: e.createdAt,
    })),
    appliances: appliances.map((a) => ({
      id: a.id,
      applianceId: a.applianceId,
      tenantId: a.tenantId,
      companyName: a.tenant.companyName,
      entitlementId: a.entitlementId,
      licenceStatus: licenceStatusOf({ now, applianceRevokedAt: a.revokedAt, entitlement: a.entitlement }),
      lastCheckInAt: a.lastCheckInAt,
      revokedAt: a.revokedAt,
      createdAt: a.createdAt,
    })),
  };
}
