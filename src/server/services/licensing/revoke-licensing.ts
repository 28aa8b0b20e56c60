import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";

type TRevokeOpts = { id: string; actor: TAuditActor; requestId?: string; db?: TDb; now?: Date };

/**
 * Revokes an entitlement: its open install codes stop working and every
 * appliance on it gets a `revoked` licence at its next check-in. Audited;
 * revoking twice changes nothing.
 */
export async function revokeEntitlement(opts: TRevokeOpts): Promise<{ revoked: boolean }> {
  const now = opts.now ?? new Date();
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const found = await tx.licenseEntitlement.findUnique({ where: { id: opts.id }, select: { id: true, tenantId: true } });
    if (!found) throw new AppError("NOT_FOUND", { message: `No entitlement ${opts.id}` });
    const changed = await tx.licenseEntitlement.updateMany({ where: { id: opts.id, revokedAt: null }, data: { revokedAt: now } });
    if (changed.count === 0) return { revoked: false };
    await tx.installCode.updateMany({ where: { entitlementId: opts.id, consumedAt: null, revokedAt: null }, data: { revokedAt: now, sealedCode: null } });
    await recordAudit({ db: tx, actor: opts.actor, action: "license.entitlement.revoke", targetType: "license_entitlement", targetId: opts.id, details: { tenantId: found.tenantId }, requestId: opts.requestId });
    return { revoked: true };
  });
}

/** Revokes one appliance: its next check-in gets a `revoked` licence. Audited; idempotent. */
export async function revokeAppliance(opts: TRevokeOpts): Promise<{ revoked: boolean }> {
  const now = opts.now ?? new Date();
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const found = await tx.appliance.findUnique({ where: { id: opts.id }, select: { id: true, tenantId: true, applianceId: true } });
    if (!found) throw new AppError("NOT_FOUND", { message: `No appliance ${opts.id}` });
    const changed = await tx.appliance.updateMany({ where: { id: opts.id, revokedAt: null }, data: { revokedAt: now } });
    if (changed.count === 0) return { revoked: false };
    await recordAudit({ db: tx, actor: opts.actor, action: "license.appliance.revoke", targetType: "appliance", targetId: opts.id, details: { tenantId: found.tenantId, applianceId: found.applianceId }, requestId: opts.requestId });
    return { revoked: true };
  });
}
