import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db as processDb, pgPool, type TDbOrTx } from "@/server/db";

/**
 * Runs a statement Embark sends on every signup or dispatch as a named
 * prepared statement on the process's pool, when `db` is the process's own
 * client (not a transaction): each pooled connection parses and analyses the
 * statement once, and Postgres may keep a generic plan, instead of parsing,
 * analysing and planning a few kilobytes of SQL every time through Prisma
 * (bench/provision-dispatch.bench.ts: about 1 ms less per statement). Inside
 * a transaction it goes through the transaction's client as usual, and so it
 * does once that pool has been ended: `$disconnect` ends it, and Prisma then
 * reconnects on a pool of its own.
 *
 * Only for statements whose results node-postgres and Prisma read alike:
 * int4, text, boolean and json columns (no int8, numeric or timestamps).
 * Errors are node-postgres's own (a `DatabaseError` with the SQLSTATE in
 * `code`), not Prisma's.
 */
export async function queryPrepared<T>(db: TDbOrTx, sql: Prisma.Sql): Promise<T[]> {
  const pool = db === processDb() ? pgPool() : null;
  if (!pool || pool.ending) return db.$queryRaw<T[]>(sql);
  const text = sql.text;
  // One name per text: node-postgres refuses a name it prepared with other text.
  const name = `embark_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
  const result = await pool.query({ name, text, values: sql.values });
  return result.rows as T[];
}

/** A unique violation (SQLSTATE 23505) reported by node-postgres, on `table`. */
export function isPgUniqueViolation(err: unknown, table: string): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: unknown; table?: unknown };
  return e.code === "23505" && e.table === table;
}
