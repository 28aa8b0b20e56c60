import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";

export type TDb = PrismaClient;
/** A transaction client or the root client: what services accept as `db`. */
export type TDbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string, opts: { max?: number } = {}): PrismaClient {
  return createDbOverPool(new pg.Pool({ connectionString, max: opts.max ?? 10 }));
}

/**
 * How long an interactive transaction may wait for a pooled connection, and
 * then run. Prisma's defaults (2 s, 5 s) turn a burst of requests — 100
 * signups at once on one replica, queueing for 10 connections and for the
 * node rows placement locks — into 500s; waiting is the right answer.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** A Prisma client over `pool`; `$disconnect` ends the pool too. */
function createDbOverPool(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}

type G = typeof globalThis & { __embarkDb?: PrismaClient; __embarkPgPool?: pg.Pool };
const g = globalThis as G;

/**
 * The process-wide Prisma client (one per process, kept across hot reloads).
 * Its `$disconnect` ends the pool under it, and the next `db()` makes a new
 * client and pool (a disconnected Prisma client reconnects on a pool of its
 * own, which pgPool() could not give out).
 */
export function db(): PrismaClient {
  if (!g.__embarkDb) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL!, max: 10 });
    const client = createDbOverPool(pool);
    const disconnect = client.$disconnect.bind(client);
    client.$disconnect = async () => {
      if (g.__embarkDb === client) {
        g.__embarkDb = undefined;
        g.__embarkPgPool = undefined;
      }
      await disconnect();
    };
    g.__embarkPgPool = pool;
    g.__embarkDb = client;
  }
  return g.__embarkDb;
}

/**
 * The pg pool under `db()`, for the few callers that speak SQL through a
 * library of their own (the rate limiter); they share its connections.
 */
export function pgPool(): pg.Pool {
  db();
  return g.__embarkPgPool!;
}
