import { z } from "zod";

/** A node as the API shows it. */
export const ZNode = z.object({
  node_id: z.string(),
  region: z.string(),
  hostname: z.string().nullable(),
  server_ip: z.string().nullable(),
  db_server_ip: z.string().nullable(),
  capacity: z.number().int(),
  used: z.number().int(),
  dedicated: z.boolean(),
  status: z.string(),
  created_at: z.date(),
  updated_at: z.date(),
});
export type TNodeView = z.infer<typeof ZNode>;

export const NODE_SELECT = {
  id: true,
  region: true,
  hostname: true,
  serverIp: true,
  dbServerIp: true,
  capacity: true,
  used: true,
  dedicated: true,
  status: true,
  createdAt: true,
  updatedAt: true,
} as const;

type TRow = {
  id: string;
  region: string;
  hostname: string | null;
  serverIp: string | null;
  dbServerIp: string | null;
  capacity: number;
  used: number;
  dedicated: boolean;
  status: string;
  createdAt: Date;
  updatedAt: Date;
};

export function toNodeView(row: TRow): TNodeView {
  return {
    node_id: row.id,
    region: row.region,
    hostname: row.hostname,
    server_ip: row.serverIp,
    db_server_ip: row.dbServerIp,
    capacity: row.capacity,
    used: row.used,
    dedicated: row.dedicated,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
