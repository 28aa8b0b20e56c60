import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";

export type TDb = PrismaClient;
/** A transaction client or the root client: what services accept as `db`. */
export type TDbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string, opts: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: opts.max ?? 10 });
  return new PrismaClient({ adapter });
}

type G = typeof globalThis & { __embarkDb?: PrismaClient };
const g = globalThis as G;

/** The process-wide Prisma client (one per process, kept across hot reloads). */
export function db(): PrismaClient {
  g.__embarkDb ??= createDb(env().DATABASE_URL!);
  return g.__embarkDb;
}
