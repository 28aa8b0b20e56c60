import { PgBoss } from "pg-boss";
import { afterAll, describe, expect, inject, it } from "vitest";
import { env } from "@/env";
import { BOSS_SCHEMA } from "@/jobs/boss";
import { db } from "@/server/db";
import { createIsolatedDatabase, resetDatabase, testDatabaseUrl } from "./db";
import { TEST_BOSS_SCHEMA } from "./test-template";
import { queryRows } from "./query";

const publicTables = async (url: string) =>
  (await queryRows<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.tablename);

afterAll(async () => {
  await db().$disconnect();
});

describe("integration harness", () => {
  it("points env() and db() at this worker's migrated database", async () => {
    expect(env().DATABASE_URL).toBe(testDatabaseUrl());
    expect(env().NODE_ENV).toBe("test");
    const [row] = await db().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    expect(row?.name).toBe(new URL(testDatabaseUrl()).pathname.slice(1));
    const rows = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it("clones the template with pg-boss installed in the schema the app uses", async () => {
    expect(TEST_BOSS_SCHEMA).toBe(BOSS_SCHEMA);
    const [version] = await queryRows<{ version: string }>(testDatabaseUrl(), `SELECT version FROM ${BOSS_SCHEMA}.version`);
    expect(Number(version!.version)).toBeGreaterThan(0);
    const { adminUrl, template } = inject("embarkTestDatabase");
    expect(await queryRows(adminUrl, "SELECT datistemplate, datallowconn FROM pg_database WHERE datname = $1", [template])).toEqual([
      { datistemplate: true, datallowconn: false },
    ]);
  });

  it("resetDatabase empties app tables and jobs but keeps the migration history", async () => {
    await db().auditLog.create({ data: { id: "a1", actorLabel: "test", action: "harness.check" } });
    const boss = new PgBoss({ connectionString: testDatabaseUrl(), schema: BOSS_SCHEMA, supervise: false, schedule: false });
    await boss.start();
    try {
      await boss.createQueue("harness.check");
      expect(await boss.send("harness.check", { n: 1 })).toBeTruthy();
    } finally {
      await boss.stop({ graceful: false });
    }
    const jobs = `SELECT count(*)::int AS n FROM ${BOSS_SCHEMA}.job`;
    expect(await queryRows(testDatabaseUrl(), jobs)).toEqual([{ n: 1 }]);
    const migrations = await queryRows(testDatabaseUrl(), "SELECT count(*)::int AS n FROM _prisma_migrations");
    await resetDatabase();
    expect(await db().auditLog.count()).toBe(0);
    expect(await queryRows(testDatabaseUrl(), "SELECT count(*)::int AS n FROM _prisma_migrations")).toEqual(migrations);
    expect(await queryRows(testDatabaseUrl(), jobs)).toEqual([{ n: 0 }]);
    expect(await queryRows(testDatabaseUrl(), `SELECT name FROM ${BOSS_SCHEMA}.queue WHERE name = 'harness.check'`)).toHaveLength(1);
  });

  it("createIsolatedDatabase gives an empty database, or a migrated one", async () => {
    const empty = await createIsolatedDatabase();
    const migrated = await createIsolatedDatabase({ migrated: true });
    try {
      expect(empty.url).not.toBe(testDatabaseUrl());
      expect(await publicTables(empty.url)).toEqual([]);
      expect(await publicTables(migrated.url)).toEqual(await publicTables(testDatabaseUrl()));
    } finally {
      await empty.drop();
      await migrated.drop();
    }
    const { adminUrl } = inject("embarkTestDatabase");
    expect(await queryRows(adminUrl, "SELECT datname FROM pg_database WHERE datname IN ($1, $2)", [empty.name, migrated.name])).toEqual([]);
  });
});
