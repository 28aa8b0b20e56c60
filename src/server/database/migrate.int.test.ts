import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIsolatedDatabase, testDatabaseUrl, type TIsolatedDatabase } from "../../../test/support/db";
import { withDatabase } from "./connection-url";
import { applyMigrations, checkDrift, createMigration, DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./migrate";
import { queryRows } from "../../../test/support/query";

const columnsOf = (url: string, table: string) =>
  queryRows<{ column_name: string }>(url, "SELECT column_name FROM information_schema.columns WHERE table_name = $1", [table]).then(
    (rows) => rows.map((r) => r.column_name),
  );

const repoMigrations = async () => (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** A scratch copy of prisma/ that a test may change. */
async function copyPrisma(): Promise<{ dir: string; schemaPath: string; migrationsDir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "embark-prisma-"));
  const schemaPath = path.join(dir, "schema.prisma");
  const migrationsDir = path.join(dir, "migrations");
  await cp(DEFAULT_SCHEMA_PATH, schemaPath);
  await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  return { dir, schemaPath, migrationsDir };
}

const scratch: string[] = [];
const databases: TIsolatedDatabase[] = [];
async function isolated(opts?: { migrated?: boolean }) {
  const database = await createIsolatedDatabase(opts);
  databases.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })));
});

describe("applyMigrations", () => {
  it("applies every migration to an empty database, then nothing on a second run", async () => {
    const { url } = await isolated();
    const first = await applyMigrations({ databaseUrl: url });
    expect(first.applied).toEqual(await repoMigrations());
    expect(await columnsOf(url, "api_keys")).toContain("key_hash");
    const recorded = await queryRows<{ migration_name: string }>(url, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    expect(recorded.map((r) => r.migration_name).sort()).toEqual(first.applied);

    expect(await applyMigrations({ databaseUrl: url })).toEqual({ applied: [] });
  });

  it("runs a migration as one transaction, with semicolons inside strings intact", async () => {
    const { url } = await isolated({ migrated: true });
    const { migrationsDir, dir } = await copyPrisma();
    scratch.push(dir);
    const good = path.join(migrationsDir, "29990101000000_seed_note");
    await cp(path.join(migrationsDir, (await repoMigrations())[0]!), good, { recursive: true });
    await writeFile(
      path.join(good, "migration.sql"),
      `CREATE TABLE "notes" ("body" TEXT NOT NULL);\nINSERT INTO "notes" VALUES ('first; still the first');\n`,
    );
    expect((await applyMigrations({ databaseUrl: url, migrationsDir })).applied).toEqual(["29990101000000_seed_note"]);
    expect(await queryRows(url, `SELECT body FROM notes`)).toEqual([{ body: "first; still the first" }]);

    const bad = path.join(migrationsDir, "29990102000000_half_broken");
    await cp(good, bad, { recursive: true });
    await writeFile(path.join(bad, "migration.sql"), `CREATE TABLE "kept_if_split" ("id" INT);\nSELECT * FROM "no_such_table";\n`);
    await expect(applyMigrations({ databaseUrl: url, migrationsDir })).rejects.toThrow(/no_such_table/);
    // The statement before the failing one was rolled back with it.
    expect(await queryRows(url, `SELECT to_regclass('kept_if_split') AS t`)).toEqual([{ t: null }]);

    const drift = await checkDrift({ databaseUrl: url, migrationsDir });
    expect(drift.problems).toContain("migration 29990102000000_half_broken failed in the database");
  });
});

describe("checkDrift", () => {
  it("passes on the repository's schema and migrations", async () => {
    expect(await checkDrift()).toEqual({ ok: true, problems: [] });
  });

  it("passes for a database with every migration applied", async () => {
    expect(await checkDrift({ databaseUrl: testDatabaseUrl() })).toEqual({ ok: true, problems: [] });
  });

  describe("with a field added to a copy of the schema", () => {
    let copy: Awaited<ReturnType<typeof copyPrisma>>;
    beforeAll(async () => {
      copy = await copyPrisma();
      scratch.push(copy.dir);
      const schema = await readFile(copy.schemaPath, "utf8");
      const changed = schema.replace(/(model ApiKey \{\n)/, `$1  note       String?   @map("operator_note")\n`);
      expect(changed).not.toBe(schema);
      await writeFile(copy.schemaPath, changed);
    });

    it("fails and names the table and column that no migration adds", async () => {
      const drift = await checkDrift({ schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir });
      expect(drift.ok).toBe(false);
      expect(drift.problems).toHaveLength(1);
      expect(drift.problems[0]).toMatch(/api_keys/);
      expect(drift.problems[0]).toMatch(/operator_note/);
    });

    it("createMigration writes the migration, which applies and makes the check pass", async () => {
      const server = testDatabaseUrl();
      const { path: dir } = await createMigration({
        name: "api key note",
        databaseUrl: server,
        schemaPath: copy.schemaPath,
        migrationsDir: copy.migrationsDir,
      });
      expect(dir).toMatch(/\/\d{14}_api_key_note$/);
      const sql = await readFile(path.join(dir!, "migration.sql"), "utf8");
      expect(sql).toMatch(/ALTER TABLE "api_keys" ADD COLUMN\s+"operator_note" TEXT/);

      const { url } = await isolated();
      const { applied } = await applyMigrations({ databaseUrl: url, migrationsDir: copy.migrationsDir });
      expect(applied.at(-1)).toBe(path.basename(dir!));
      expect(await columnsOf(url, "api_keys")).toContain("operator_note");

      expect(await checkDrift({ databaseUrl: url, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir })).toEqual({
        ok: true,
        problems: [],
      });
      // A second call finds nothing left to migrate.
      expect(await createMigration({ name: "again", databaseUrl: server, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir })).toEqual({
        path: null,
      });
      // The engine's scratch databases are gone from the server.
      const shadows = await queryRows(withDatabase(server, "postgres"), "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
      expect(shadows).toEqual([]);
    });

    it("reports a database that lacks the new migration", async () => {
      const drift = await checkDrift({ databaseUrl: testDatabaseUrl(), schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir });
      expect(drift.ok).toBe(false);
      expect(drift.problems.join("\n")).toMatch(/the database lacks 1 migration\(s\): \d{14}_api_key_note/);
    });
  });

  it("reports an edited migration and a change made by hand", async () => {
    const { url } = await isolated({ migrated: true });
    await queryRows(url, `ALTER TABLE "audit_log" ADD COLUMN "by_hand" TEXT`);
    const handMade = await checkDrift({ databaseUrl: url });
    expect(handMade.ok).toBe(false);
    expect(handMade.problems.join("\n")).toMatch(/differs from its migrations[\s\S]*audit_log[\s\S]*by_hand/);

    const copy = await copyPrisma();
    scratch.push(copy.dir);
    const first = path.join(copy.migrationsDir, (await repoMigrations())[0]!, "migration.sql");
    await writeFile(first, `${await readFile(first, "utf8")}\n-- edited afterwards\n`);
    const edited = await checkDrift({ databaseUrl: url, schemaPath: copy.schemaPath, migrationsDir: copy.migrationsDir });
    expect(edited.problems).toContain(`migration ${(await repoMigrations())[0]} was edited after it was applied`);
  });
});
