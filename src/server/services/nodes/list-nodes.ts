import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { NODE_SELECT, toNodeView, type TNodeView } from "./node-view";

/** Nodes by region then id, with how many tenants each holds. */
export async function listNodes(opts: { db?: TDbOrTx; region?: string } = {}): Promise<TNodeView[]> {
  const db = opts.db ?? defaultDb();
  const rows = await db.node.findMany({
    where: opts.region ? { region: opts.region } : {},
    orderBy: [{ region: "asc" }, { id: "asc" }],
    select: NODE_SELECT,
    take: 1000,
  });
  return rows.map(toNodeView);
}
