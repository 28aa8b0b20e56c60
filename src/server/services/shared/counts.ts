import type { TDbOrTx } from "@/server/db";

/**
 * Filtered counts on the big tables (active or failed tenants, open provision
 * jobs, onboarding sessions by status) stop here: past it the dashboard shows
 * "1,000+". Counting further means reading every matching index entry, which
 * grows with the table; past a thousand the exact number changes nothing an
 * operator does (the lists, keyset pages, show the rows), and a cap this low
 * keeps the overview as fast at a million rows as at ten thousand
 * (bench/search-scale.bench.ts).
 */
export const COUNT_CAP = 1_000;

/** A table's total is counted exactly up to this many rows (by the planner's estimate), and estimated above. */
export const EXACT_TOTAL_UP_TO = 10_000;

/**
 * Rows in a table: exact up to EXACT_TOTAL_UP_TO rows (by the planner's
 * estimate), else the planner's own estimate (pg_class.reltuples scaled to
 * the table's current size, as the planner does), which costs nothing
 * whatever the size. Says which it is.
 */
export async function tableRowCount(db: TDbOrTx, table: "tenants" | "provision_jobs" | "onboarding_sessions"): Promise<{ rows: number; estimated: boolean }> {
  const [row] = await db.$queryRawUnsafe<{ estimate: number | null }[]>(
    `SELECT CASE WHEN c.reltuples < 0 OR c.relpages = 0 THEN NULL
                 ELSE (c.reltuples / c.relpages * (pg_relation_size(c.oid) / current_setting('block_size')::int))::float8 END AS estimate
       FROM pg_class c WHERE c.oid = $1::regclass`,
    `public.${table}`,
  );
  const estimate = row?.estimate ?? null;
  if (estimate !== null && estimate > EXACT_TOTAL_UP_TO) return { rows: Math.round(estimate), estimated: true };
  const [exact] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM public.${table}`);
  return { rows: exact?.n ?? 0, estimated: false };
}

type TCappedTable = { tenants: "status"; provision_jobs: "status"; onboarding_sessions: "status" };

/**
 * Rows of `table` whose `column` is one of `values`, counted up to
 * COUNT_CAP + 1: an index-only scan of at most that many entries (each
 * table has an index leading with the column). More than COUNT_CAP reads as
 * "1,000+".
 */
export async function cappedCount<T extends keyof TCappedTable>(db: TDbOrTx, table: T, column: TCappedTable[T], values: string[]): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM public.${table} WHERE ${column} = ANY($1::text[]) LIMIT ${COUNT_CAP + 1}) s`,
    values,
  );
  return row?.n ?? 0;
}
