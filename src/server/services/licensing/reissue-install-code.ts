import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { findActiveEntitlement } from "./active-entitlement";
import { mintInstallCode } from "./mint-install-code";
import type { TReissueResponse } from "./reissue.types";

/** A tenant a code can be reissued for: essentials, or paid with an active entitlement. */
async function resolveTenant(tx: TDbOrTx, by: { tenantId?: string; email?: string }) {
  const candidates = await tx.registryTenant.findMany({
    where: by.tenantId ? { id: by.tenantId } : { contactEmail: by.email },
    orderBy: { createdAt: "desc" },
    select: { id: true, companyName: true, contactEmail: true, edition: true },
  });
  for (const tenant of candidates) {
    if (tenant.edition === "essentials") return { tenant, entitlementId: null };
    const entitlement = await findActiveEntitlement(tx, tenant.id);
    if (entitlement) return { tenant, entitlementId: entitlement.id };
  }
  return null;
}

/**
 * Reissues a tenant's install code: revokes its open codes, mints a fresh
 * one for the same tenant (with its active entitlement, when paid), a new ISO
 * link and a new email. The tenant's row is locked, so two reissues at once
 * leave one open code. NOT_FOUND when no tenant (or no paid tenant with an
 * active entitlement) matches.
 */
export async function reissueInstallCode(opts: {
  tenantId?: string;
  email?: string;
  actor: TAuditActor;
  requestId?: string;
  db?: TDb;
  now?: Date;
}): Promise<TReissueResponse> {
  const now = opts.now ?? new Date();
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const found = await resolveTenant(tx, opts);
    if (!found) {
      throw new AppError("NOT_FOUND", { message: "No appliance tenant with an active entitlement matches", details: { tenant_id: opts.tenantId } });
    }
    const { tenant, entitlementId } = found;
    await tx.$queryRaw`SELECT id FROM registry_tenants WHERE id = ${tenant.id}::uuid FOR UPDATE`;
    const revoked = await tx.installCode.updateMany({
      where: { tenantId: tenant.id, consumedAt: null, revokedAt: null },
      data: { revokedAt: now, sealedCode: null },
    });
    const { codeId, ...minted } = await mintInstallCode({ db: tx, tenant, entitlementId, now });
    const details: Prisma.InputJsonValue = { codeId, revokedCodes: revoked.count, by: opts.tenantId ? "tenant_id" : "email" };
    await recordAudit({ db: tx, actor: opts.actor, action: "license.install_code.reissue", targetType: "registry_tenant", targetId: tenant.id, details, requestId: opts.requestId });
    return { tenant_id: tenant.id, ...minted, revoked_codes: revoked.count };
  });
}
