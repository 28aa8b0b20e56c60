import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { decidePlacement, type TPlacementRequest, type TPlacementResult } from "./decide-placement";
import { findPlacementCandidates } from "./reserve-placement";

/** The placement a signup would get now, with no reservation and no writes. */
export async function computePlacement(opts: { db?: TDbOrTx; request: TPlacementRequest }): Promise<TPlacementResult> {
  const db = opts.db ?? defaultDb();
  return decidePlacement(opts.request, await findPlacementCandidates(db, opts.request.region));
}
