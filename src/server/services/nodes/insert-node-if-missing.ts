import type { TDbOrTx } from "@/server/db";

export type TNewNode = {
  id: string;
  region: string;
  capacity: number;
  dedicated: boolean;
  status?: string;
  hostname?: string | null;
  serverIp?: string | null;
  dbServerIp?: string | null;
};

/**
 * Inserts a node unless its id is already there, in one statement: callers
 * registering the same id at once do not collide (the later one waits for the
 * first to commit and finds the row). Answers whether this call created it.
 */
export async function insertNodeIfMissing(tx: TDbOrTx, node: TNewNode): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO nodes (id, region, hostname, server_ip, db_server_ip, capacity, dedicated, status, updated_at)
    VALUES (${node.id}, ${node.region}, ${node.hostname ?? null}, ${node.serverIp ?? null}, ${node.dbServerIp ?? null},
            ${node.capacity}, ${node.dedicated}, ${node.status ?? "active"}, now())
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  return rows.length === 1;
}
