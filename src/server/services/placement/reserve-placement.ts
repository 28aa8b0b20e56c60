import type { TDbOrTx } from "@/server/db";
import { decidePlacement, type TPlacementRequest, type TPlacementResult } from "./decide-placement";

/** Losing a race for a node's last slot is rare; a few rounds settle it. */
const MAX_ROUNDS = 8;

export const PLACEMENT_NODE_SELECT = {
  id: true,
  region: true,
  status: true,
  dedicated: true,
  capacity: true,
  used: true,
} as const;

/** The nodes placement may choose from in a region. */
export function findPlacementCandidates(db: TDbOrTx, region: string) {
  return db.node.findMany({
    where: { region, status: "active", dedicated: false },
    select: PLACEMENT_NODE_SELECT,
  });
}

/**
 * Decides placement and reserves a slot on the chosen node in the caller's
 * transaction. The reservation is a conditional increment, so concurrent
 * signups serialise on the node's row and none can push `used` past
 * `capacity`; a signup that loses the race decides again with fresh counts.
 */
export async function reservePlacement(opts: { db: TDbOrTx; request: TPlacementRequest }): Promise<TPlacementResult> {
  const lost: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const nodes = await findPlacementCandidates(opts.db, opts.request.region);
    const result = decidePlacement(opts.request, nodes);
    if (!result.target_server_id) return withLost(result, lost);
    const reserved = await opts.db.$executeRaw`
      UPDATE nodes SET used = used + 1, updated_at = now()
      WHERE id = ${result.target_server_id} AND status = 'active' AND NOT dedicated AND used < capacity`;
    if (reserved === 1) return withLost(result, lost);
    lost.push(result.target_server_id);
  }
  return withLost(decidePlacement(opts.request, []), lost);
}

function withLost(result: TPlacementResult, lost: string[]): TPlacementResult {
  if (lost.length === 0) return result;
  return { ...result, reasons: [...result.reasons, `filled up by a concurrent signup first: ${lost.join(", ")}`] };
}
