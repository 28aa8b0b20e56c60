import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Puts a tenant on a node, counting it against the node's capacity once:
 * a tenant already there is a no-op, a tenant moving frees its old slot.
 */
export async function assignTenantToNode(opts: { db: TDbOrTx; tenantId: string; nodeId: string }): Promise<void> {
  const { db, tenantId, nodeId } = opts;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { nodeId: true } });
  if (!tenant) throw new AppError("NOT_FOUND", { message: `No tenant ${tenantId}`, details: { tenant_id: tenantId } });
  if (tenant.nodeId === nodeId) return;
  const taken = await db.$executeRaw`
    UPDATE nodes SET used = used + 1, updated_at = now() WHERE id = ${nodeId} AND used < capacity`;
  if (taken !== 1) {
    throw new AppError("CONFLICT", { message: `Node ${nodeId} has no free capacity`, details: { node_id: nodeId } });
  }
  if (tenant.nodeId) {
    await db.$executeRaw`UPDATE nodes SET used = used - 1, updated_at = now() WHERE id = ${tenant.nodeId} AND used > 0`;
  }
  await db.tenant.update({ where: { id: tenantId }, data: { nodeId } });
}
