import { db } from "../../src/server/db";

export type TRowCounts = Record<string, number>;

let tables: string[] | undefined;

/**
 * Counts the rows of every application table but `except`, in one
 * statement, so a test can show a refused call wrote nothing.
 */
export async function countRows(except: readonly string[] = []): Promise<TRowCounts> {
  tables ??= (
    await db().$queryRawUnsafe<{ name: string }[]>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((t) => t.name);
  const counted = tables.filter((name) => !except.includes(name));
  const sql = `SELECT json_build_object(${counted.map((n) => `'${n}', (SELECT count(*) FROM "${n}")`).join(", ")}) AS counts`;
  const [row] = await db().$queryRawUnsafe<{ counts: TRowCounts }[]>(sql);
  return row!.counts;
}

/** The tables whose counts differ, as `table: before -> after`. */
export function changedCounts(before: TRowCounts, after: TRowCounts): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} -> ${after[t]}`);
}
