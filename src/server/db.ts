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

/** A Prisma client over `pool`; `$disconnect` ends the pool too. */
function createDbOverPool(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

type G = typeof globalThis & { __embarkDb?: PrismaClient; __embarkPgPool?: pg.Pool };
const g = globalThis as G;

/** The process-wide Prisma client (one per process, kept across hot reloads). */
export function db(): PrismaClient {
  if (!g.__embarkDb) {
    g.__embarkPgPool = new pg.Pool({ connectionString: env().DATABASE_URL!, max: 10 });
    g.__embarkDb = createDbOverPool(g.__embarkPgPool);
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
