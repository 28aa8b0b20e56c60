import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";

/** Who is asking: a tenant's own user sees only their tenants' domains; operators and keys see all. */
export type TPortalDomainViewer = { userId: string } | undefined;

/** The tenant, if it exists and the viewer may act on it; otherwise NOT_FOUND (others' tenants look absent). */
export async function assertTenantVisible(db: TDbOrTx, tenantId: string, viewer: TPortalDomainViewer): Promise<void> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { createdBy: true } });
  if (!tenant || (viewer && tenant.createdBy !== viewer.userId)) {
    throw new AppError("NOT_FOUND", { message: `No tenant ${tenantId}`, details: { tenant_id: tenantId } });
  }
}

export function portalDomainNotFound(id: string): AppError {
  return new AppError("NOT_FOUND", { message: `No portal domain ${id}`, details: { id } });
}
