import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { NODE_SELECT, toNodeView, type TNodeView } from "./node-view";

export async function getNode(opts: { db?: TDbOrTx; nodeId: string }): Promise<TNodeView> {
  const db = opts.db ?? defaultDb();
  const row = await db.node.findUnique({ where: { id: opts.nodeId }, select: NODE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", { message: `No node ${opts.nodeId}`, details: { node_id: opts.nodeId } });
  return toNodeView(row);
}
