import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { lockPlacement } from "./lock-placement";

/**
 * Puts a tenant on a node, counting it against the node's capacity once:
 * a tenant already there is a no-op, a tenant moving frees its old slot.
 * Runs in the caller's transaction with the tenant and both nodes locked, so
 * concurrent moves of one tenant follow each other and every node's `used`
 * stays the number of tenants on it.
 */
export async function assignTenantToNode(opts: { db: TDbOrTx; tenantId: string; nodeId: string }): Promise<void> {
  const { db, tenantId, nodeId } = opts;
  const { currentNodeId } = await lockPlacement(db, { tenantId, nodeId });
  if (currentNodeId === nodeId) return;
  const taken = await db.$executeRaw`
    UPDATE nodes SET used = used + 1, updated_at = now() WHERE id = ${nodeId} AND used < capacity`;
  if (taken !== 1) {
    throw new AppError("CONFLICT", { message: `Node ${nodeId} has no free capacity`, details: { node_id: nodeId } });
  }
  if (currentNodeId) {
    await db.$executeRaw`UPDATE nodes SET used = used - 1, updated_at = now() WHERE id = ${currentNodeId} AND used > 0`;
  }
  await db.tenant.update({ where: { id: tenantId }, data: { nodeId } });
}
