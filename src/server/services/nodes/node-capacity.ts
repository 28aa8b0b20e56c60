import { z } from "zod";

/** A node as far as capacity goes. */
export type TCapacityNode = { used: number; capacity: number; dedicated: boolean; status: string };

/**
 * Shared capacity is the slots of active shared nodes: the ones placement
 * fills (see reserve-placement). A dedicated node holds one tenant's own
 * stack, and a draining or offline node takes no one new, so neither adds
 * room; their tenants still count as placed.
 */
export const countsTowardSharedCapacity = (n: Pick<TCapacityNode, "dedicated" | "status">): boolean => !n.dedicated && n.status === "active";

/** A shared node this full is worth watching. */
export const NEAR_FULL_RATIO = 0.75;

export const ZNodeCapacity = z.object({
  /** Every node, whatever its kind or status. */
  nodes: z.number().int(),
  dedicatedNodes: z.number().int(),
  /** Active shared nodes: what `sharedUsed` and `sharedCapacity` add up. */
  activeSharedNodes: z.number().int(),
  /** Tenants on every node. */
  tenantsPlaced: z.number().int(),
  sharedUsed: z.number().int(),
  sharedCapacity: z.number().int(),
  /** Active shared nodes at least NEAR_FULL_RATIO full. */
  nearFull: z.number().int(),
});
export type TNodeCapacity = z.infer<typeof ZNodeCapacity>;

/** The one summary of node capacity the overview and the Nodes page both show. */
export function summarizeNodeCapacity(nodes: TCapacityNode[]): TNodeCapacity {
  const shared = nodes.filter(countsTowardSharedCapacity);
  const sum = (list: TCapacityNode[], pick: (n: TCapacityNode) => number) => list.reduce((total, n) => total + pick(n), 0);
  return {
    nodes: nodes.length,
    dedicatedNodes: nodes.filter((n) => n.dedicated).length,
    activeSharedNodes: shared.length,
    tenantsPlaced: sum(nodes, (n) => n.used),
    sharedUsed: sum(shared, (n) => n.used),
    sharedCapacity: sum(shared, (n) => n.capacity),
    nearFull: shared.filter((n) => n.capacity > 0 && n.used / n.capacity >= NEAR_FULL_RATIO).length,
  };
}
