import { z } from "zod";
import { ZRegion } from "@/env";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { newNodeId } from "@/server/services/provisioning/ids";
import { assignTenantToNode } from "./assign-tenant-to-node";
import { defaultNodeCapacity } from "./default-node-capacity";
import { insertNodeIfMissing, type TNewNode } from "./insert-node-if-missing";
import { lockPlacement } from "./lock-placement";
import { NODE_SELECT, toNodeView, type TNodeView } from "./node-view";

const ipOrHost = z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.:-]+$/, "must be an IP address or host name");

export const ZRegisterNodeInput = z.strictObject({
  node_id: z
    .string()
    .regex(/^node-[a-z]{2}-[a-z0-9-]{3,40}$/, "node_id must look like node-<region>-<id>")
    .optional(),
  region: ZRegion,
  hostname: ipOrHost.optional(),
  server_ip: ipOrHost.optional(),
  db_server_ip: ipOrHost.optional(),
  capacity: z.number().int().min(1).max(10_000).optional(),
  dedicated: z.boolean().default(false),
  status: z.enum(["active", "draining", "offline"]).default("active"),
  /** The tenant the node was created for; it is placed on the node. */
  tenant_id: z.uuid().optional(),
});
export type TRegisterNodeInput = z.input<typeof ZRegisterNodeInput>;

/**
 * Registers a server, or updates it when the id is known (so a workflow step
 * that runs twice registers one node, and concurrent calls with one id are
 * one insert and updates). Dedicated nodes hold one tenant. With `tenant_id`
 * the tenant moves onto the node in the same transaction, locks taken in
 * the order every placement change uses (see lockPlacement).
 */
export async function registerNode(opts: {
  db?: TDb;
  input: TRegisterNodeInput;
}): Promise<{ node: TNodeView; created: boolean }> {
  const db = opts.db ?? defaultDb();
  const input = ZRegisterNodeInput.parse(opts.input);
  const nodeId = input.node_id ?? newNodeId(input.region);
  if (!nodeId.startsWith(`node-${input.region}-`)) {
    throw new AppError("BAD_REQUEST", {
      message: `node_id ${nodeId} does not match region ${input.region}`,
      details: { field: "node_id" },
    });
  }
  return db.$transaction(async (tx) => {
    if (input.tenant_id) await lockPlacement(tx, { tenantId: input.tenant_id, nodeId });
    const details = {
      hostname: input.hostname,
      serverIp: input.server_ip,
      dbServerIp: input.db_server_ip,
      dedicated: input.dedicated,
      status: input.status,
    };
    const created = await insertNodeIfMissing(tx, {
      id: nodeId,
      region: input.region,
      capacity: input.capacity ?? defaultNodeCapacity(input.dedicated),
      ...details,
    });
    if (!created) await updateNode(tx, { nodeId, region: input.region, change: { ...details, capacity: input.capacity } });
    if (input.tenant_id) await assignTenantToNode({ db: tx, tenantId: input.tenant_id, nodeId });
    const node = await tx.node.findUniqueOrThrow({ where: { id: nodeId }, select: NODE_SELECT });
    return { node: toNodeView(node), created };
  });
}

/** A known node registered again: its details change, its region and its tenants never. */
async function updateNode(
  tx: TDbOrTx,
  opts: { nodeId: string; region: string; change: Omit<TNewNode, "id" | "region" | "capacity"> & { capacity?: number } },
): Promise<void> {
  const { nodeId, change } = opts;
  const rows = await tx.$queryRaw<{ region: string; used: number }[]>`
    SELECT region, used FROM nodes WHERE id = ${nodeId} FOR UPDATE`;
  const existing = rows[0]!;
  if (existing.region !== opts.region) {
    throw new AppError("CONFLICT", { message: `Node ${nodeId} is registered in ${existing.region}`, details: { node_id: nodeId } });
  }
  if (change.capacity !== undefined && change.capacity < existing.used) {
    throw new AppError("CONFLICT", {
      message: `Node ${nodeId} already holds ${existing.used} tenant(s); capacity cannot go below that`,
      details: { node_id: nodeId },
    });
  }
  await tx.node.update({ where: { id: nodeId }, data: change });
}
