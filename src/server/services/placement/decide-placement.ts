import type { z } from "zod";
import type { ZRegion } from "@/env";

export type TRegion = z.infer<typeof ZRegion>;
export type TPlan = "starter" | "growth" | "scale";

/** Plans whose tenants get a stack of their own. */
export const DEDICATED_PLANS: readonly TPlan[] = ["scale"];

/** What placement needs to know about a node. */
export type TPlacementNode = {
  id: string;
  region: string;
  status: string;
  dedicated: boolean;
  capacity: number;
  used: number;
};

export type TPlacementRequest = { region: TRegion; plan: TPlan };

/** Where a tenant goes, and why. */
export type TPlacementResult = {
  region: TRegion;
  create_new_server: boolean;
  target_server_id: string | null;
  dedicated: boolean;
  reasons: string[];
};

/**
 * Decides where a tenant goes. Pure: the caller reserves the chosen node's
 * capacity atomically and asks again if another signup took the last slot.
 * Never yields an empty target together with create_new_server=false.
 */
export function decidePlacement(request: TPlacementRequest, nodes: readonly TPlacementNode[]): TPlacementResult {
  const { region, plan } = request;
  if (DEDICATED_PLANS.includes(plan)) {
    return {
      region,
      create_new_server: true,
      target_server_id: null,
      dedicated: true,
      reasons: [`plan ${plan} gets a dedicated stack`, "a new server is created for it"],
    };
  }
  const inRegion = nodes.filter((n) => n.region === region);
  const candidates = inRegion
    .filter((n) => n.status === "active" && !n.dedicated && n.used < n.capacity)
    // Least loaded by share of capacity; ties by absolute use, then id for a stable answer.
    .sort((a, b) => a.used / a.capacity - b.used / b.capacity || a.used - b.used || a.id.localeCompare(b.id));
  const best = candidates[0];
  if (best) {
    return {
      region,
      create_new_server: false,
      target_server_id: best.id,
      dedicated: false,
      reasons: [
        `plan ${plan} is shared`,
        `${candidates.length} of ${inRegion.length} node(s) in ${region} can take a tenant`,
        `${best.id} is the least loaded (${best.used}/${best.capacity})`,
      ],
    };
  }
  return {
    region,
    create_new_server: true,
    target_server_id: null,
    dedicated: false,
    reasons: [
      `plan ${plan} is shared`,
      inRegion.length === 0
        ? `no node in ${region} yet`
        : `none of the ${inRegion.length} node(s) in ${region} is active, shared and has free capacity`,
      "a new shared server is created",
    ],
  };
}
