import { inject } from "vitest";
import { quoteIdent, withDatabase } from "../../src/server/database/connection-url";
import type {} from "./provided";
import { TEST_BOSS_SCHEMA } from "./test-template";
import { createDatabase, dropDatabase, uniqueDatabaseName, withAdmin } from "./test-databases";

/** This worker's database name; stable for the worker's life, unique in the run. */
export function workerDatabaseName(): string {
  const { prefix } = inject("embarkTestDatabase");
  // VITEST_POOL_ID numbers the workers 1..maxWorkers and is reused by their successors.
  return `${prefix}_w${process.env.VITEST_POOL_ID ?? "1"}`;
}

/** URL of the database this test file runs against (what DATABASE_URL, env() and db() use). */
export function testDatabaseUrl(): string {
  return withDatabase(inject("embarkTestDatabase").adminUrl, workerDatabaseName());
}

let truncateSql: string | undefined;

/**
 * Empties every application table (keeping the migration history) and, unless
 * `jobs: false`, pg-boss' jobs; queue definitions stay. Fast enough for a
 * `beforeEach`.
 */
export async function resetDatabase(opts: { jobs?: boolean } = {}): Promise<void> {
  await withAdmin(testDatabaseUrl(), async (c) => {
    if (truncateSql === undefined) {
      const { rows } = await c.query<{ name: string }>(
        `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
         WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      );
      truncateSql = rows.map((r) => r.name).join(", ");
    }
    const jobs = opts.jobs !== false ? await c.query("SELECT to_regclass($1) AS t", [`${TEST_BOSS_SCHEMA}.job`]) : null;
    const tables = [truncateSql, jobs?.rows[0]?.t ? `${quoteIdent(TEST_BOSS_SCHEMA)}.job` : ""].filter(Boolean).join(", ");
    if (tables) await c.query(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
  });
}

export type TIsolatedDatabase = { name: string; url: string; drop(): Promise<void> };

/**
 * A database of the test's own: empty (no tables at all) by default, or with
 * every migration applied when `migrated: true`. Dropped at the end of the
 * run if the test does not drop it.
 */
export async function createIsolatedDatabase(opts: { migrated?: boolean } = {}): Promise<TIsolatedDatabase> {
  const { adminUrl, template, prefix } = inject("embarkTestDatabase");
  const name = uniqueDatabaseName(`${prefix}_iso`);
  const url = await createDatabase({ adminUrl, name, template: opts.migrated ? template : undefined });
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}
