import { Prisma } from "@/generated/prisma/client";
import type { TDbOrTx } from "@/server/db";
import { decidePlacement, type TPlacementNode, type TPlacementRequest, type TPlacementResult } from "./decide-placement";

/** Losing a race for a node's last slot is rare; a few rounds settle it. */
const MAX_ROUNDS = 8;

/** The nodes placement may choose from in a region. */
export async function findPlacementCandidates(db: TDbOrTx, region: string): Promise<TPlacementNode[]> {
  const [row] = await db.$queryRaw<{ nodes: TPlacementNode[] }[]>`SELECT ${placementCandidatesJson(region)} AS nodes`;
  return row!.nodes;
}

/**
 * The nodes placement may choose from in a region, as a scalar subquery (a
 * JSON array of nodes): for a caller that reads them in the same statement as
 * something else.
 */
export function placementCandidatesJson(region: string): Prisma.Sql {
  return Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object('id', id, 'region', region, 'status', status, 'dedicated', dedicated, 'capacity', capacity, 'used', used))
    FROM nodes WHERE region = ${region} AND status = 'active' AND NOT dedicated), '[]'::json)`;
}

/**
 * The reservation as a data-modifying CTE named `reserved`, for a statement
 * that writes its own rows only when the slot was won: gate them on
 * `reservationWon(nodeId)`. No node (a new server) reserves nothing and wins.
 */
export function reservationCte(nodeId: string | null): Prisma.Sql {
  return Prisma.sql`reserved AS (${takeSlot(nodeId)} RETURNING id)`;
}

/** The reservation itself: one slot on `nodeId` if it is still an active shared node with room. */
function takeSlot(nodeId: string | null): Prisma.Sql {
  return Prisma.sql`UPDATE nodes SET used = used + 1, updated_at = now()
    WHERE id = ${nodeId} AND status = 'active' AND NOT dedicated AND used < capacity`;
}

export function reservationWon(nodeId: string | null): Prisma.Sql {
  return nodeId === null ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM reserved)`;
}

/**
 * Decides placement and reserves a slot on the chosen node in the caller's
 * transaction. The reservation is a conditional increment, so concurrent
 * signups serialise on the node's row and none can push `used` past
 * `capacity`; a signup that loses the race decides again with fresh counts.
 */
export async function reservePlacement(opts: { db: TDbOrTx; request: TPlacementRequest }): Promise<TPlacementResult> {
  const { placement } = await reservePlacementWith({
    ...opts,
    reserve: async (placement) => {
      const nodeId = placement.target_server_id;
      if (!nodeId) return true;
      const reserved = await opts.db.$executeRaw(takeSlot(nodeId));
      return reserved === 1 ? true : null;
    },
  });
  return placement;
}

/**
 * reservePlacement for a caller that writes its rows in the same statement as
 * the reservation (see reservationCte): `reserve(placement)` runs that
 * statement and answers null when the node's last slot went to someone else
 * (nothing written), and placement is decided again with fresh counts.
 * `nodes`, when given, are the candidates already read for the first round.
 */
export async function reservePlacementWith<T>(opts: {
  db: TDbOrTx;
  request: TPlacementRequest;
  nodes?: readonly TPlacementNode[];
  reserve: (placement: TPlacementResult) => Promise<T | null>;
}): Promise<{ placement: TPlacementResult; result: T }> {
  const lost: string[] = [];
  let nodes = opts.nodes;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    nodes ??= await findPlacementCandidates(opts.db, opts.request.region);
    const placement = withLost(decidePlacement(opts.request, nodes), lost);
    const result = await opts.reserve(placement);
    if (result !== null) return { placement, result };
    lost.push(placement.target_server_id!);
    nodes = undefined;
  }
  const placement = withLost(decidePlacement(opts.request, []), lost);
  const result = await opts.reserve(placement);
  if (result === null) throw new Error("placement without a node reserved nothing, yet was refused");
  return { placement, result };
}

function withLost(result: TPlacementResult, lost: string[]): TPlacementResult {
  if (lost.length === 0) return result;
  return { ...result, reasons: [...result.reasons, `filled up by a concurrent signup first: ${lost.join(", ")}`] };
}
