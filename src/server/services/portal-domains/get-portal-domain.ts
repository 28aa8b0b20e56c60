import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { portalDomainNotFound, type TPortalDomainViewer } from "./portal-domain-access";
import { cnameTargetOf, PORTAL_DOMAIN_SELECT, toPortalDomainView, type TPortalDomainView } from "./portal-domain-view";
import { ensurePortalTarget } from "./portal-target";

/** One portal domain; a tenant's user sees only their tenants' domains (others look absent). */
export async function getPortalDomain(opts: { db?: TDbOrTx; id: string; viewer: TPortalDomainViewer }): Promise<TPortalDomainView> {
  const db = opts.db ?? defaultDb();
  const row = await db.portalDomain.findUnique({ where: { id: opts.id }, select: PORTAL_DOMAIN_SELECT });
  if (!row) throw portalDomainNotFound(opts.id);
  if (opts.viewer) {
    const tenant = await db.tenant.findUnique({ where: { id: row.tenantId }, select: { createdBy: true } });
    if (tenant?.createdBy !== opts.viewer.userId) throw portalDomainNotFound(opts.id);
  }
  return toPortalDomainView(row, await ensurePortalTarget(db, row.tenantId));
}

/** The tenant's current (not disabled) domain, or null; with the CNAME target either way. */
export async function findCurrentPortalDomain(opts: {
  db?: TDbOrTx;
  tenantId: string;
}): Promise<{ domain: TPortalDomainView | null; cnameTarget: string; label: string }> {
  const db = opts.db ?? defaultDb();
  const label = await ensurePortalTarget(db, opts.tenantId);
  const row = await db.portalDomain.findFirst({
    where: { tenantId: opts.tenantId, tenantSlot: { not: null } },
    select: PORTAL_DOMAIN_SELECT,
  });
  return { domain: row ? toPortalDomainView(row, label) : null, cnameTarget: cnameTargetOf(label), label };
}
