import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";

/**
 * Locks what moving a tenant touches, always in one order so that two moves
 * never wait on each other crosswise: the tenant's row first, then the node
 * rows (the target and the tenant's current node, those that exist) by id.
 * Returns the node the tenant is on, read under its lock. Must run inside a
 * transaction; taking the same locks again in it is a no-op.
 */
export async function lockPlacement(
  tx: TDbOrTx,
  opts: { tenantId: string; nodeId: string },
): Promise<{ currentNodeId: string | null }> {
  const rows = await tx.$queryRaw<{ node_id: string | null }[]>`
    SELECT node_id FROM tenants WHERE id = ${opts.tenantId}::uuid FOR UPDATE`;
  const tenant = rows[0];
  if (!tenant) throw new AppError("NOT_FOUND", { message: `No tenant ${opts.tenantId}`, details: { tenant_id: opts.tenantId } });
  const nodeIds = [...new Set([opts.nodeId, tenant.node_id].filter((id): id is string => id !== null))];
  await tx.$queryRaw`SELECT id FROM nodes WHERE id = ANY(${nodeIds}::text[]) ORDER BY id FOR UPDATE`;
  return { currentNodeId: tenant.node_id };
}
