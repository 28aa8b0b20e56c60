import { z } from "zod";
import { ZRegion } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { newNodeId } from "@/server/services/provisioning/ids";
import { assignTenantToNode } from "./assign-tenant-to-node";
import { defaultNodeCapacity } from "./default-node-capacity";
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
 * that runs twice registers one node). Dedicated nodes hold one tenant.
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
    const existing = await tx.node.findUnique({ where: { id: nodeId }, select: { region: true, used: true } });
    if (existing && existing.region !== input.region) {
      throw new AppError("CONFLICT", { message: `Node ${nodeId} is registered in ${existing.region}`, details: { node_id: nodeId } });
    }
    const details = {
      hostname: input.hostname,
      serverIp: input.server_ip,
      dbServerIp: input.db_server_ip,
      dedicated: input.dedicated,
      status: input.status,
    };
    if (existing) {
      if (input.capacity !== undefined && input.capacity < existing.used) {
        throw new AppError("CONFLICT", {
          message: `Node ${nodeId} already holds ${existing.used} tenant(s); capacity cannot go below that`,
          details: { node_id: nodeId },
        });
      }
      await tx.node.update({ where: { id: nodeId }, data: { ...details, capacity: input.capacity } });
    } else {
      const capacity = input.capacity ?? defaultNodeCapacity(input.dedicated);
      await tx.node.create({ data: { id: nodeId, region: input.region, capacity, ...details } });
    }
    if (input.tenant_id) await assignTenantToNode({ db: tx, tenantId: input.tenant_id, nodeId });
    const node = await tx.node.findUniqueOrThrow({ where: { id: nodeId }, select: NODE_SELECT });
    return { node: toNodeView(node), created: !existing };
  });
}
