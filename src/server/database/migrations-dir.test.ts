import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZMigrationName } from "./create-migration";
import { LOCKFILE_CONTENT, migrationTimestamp, readMigrationsList, writeMigration } from "./migrations-dir";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "embark-migrations-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("migrations directory", () => {
  it("names migrations by UTC time to the second", () => {
    expect(migrationTimestamp(new Date("2026-11-23T08:19:14.999Z"))).toBe("20261123081914");
  });

  it("writes a migration with the lockfile, and reads the directory back sorted", async () => {
    const later = await writeMigration({ migrationsDir: dir, name: "second", sql: "SELECT 2;", now: new Date("2026-02-01T00:00:00Z") });
    await writeMigration({ migrationsDir: dir, name: "first", sql: "SELECT 1;", now: new Date("2026-01-01T00:00:00Z") });
    expect(path.basename(later)).toBe("20260201000000_second");
    expect(await readFile(path.join(dir, "migration_lock.toml"), "utf8")).toBe(LOCKFILE_CONTENT);

    const list = await readMigrationsList(dir);
    expect(list.baseDir).toBe(dir);
    expect(list.lockfile).toEqual({ path: "migration_lock.toml", content: LOCKFILE_CONTENT });
    expect(list.migrationDirectories).toEqual([
      { path: "20260101000000_first", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "SELECT 1;" } } },
      { path: "20260201000000_second", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "SELECT 2;" } } },
    ]);
  });

  it("reports a migration directory without its SQL, and a missing directory as empty", async () => {
    await mkdir(path.join(dir, "20260101000000_empty"));
    const list = await readMigrationsList(dir);
    expect(list.migrationDirectories[0]!.migrationFile.content).toEqual({ tag: "error", value: "20260101000000_empty/migration.sql is missing" });
    const none = await readMigrationsList(path.join(dir, "absent"));
    expect(none.migrationDirectories).toEqual([]);
    expect(none.lockfile.content).toBeNull();
  });

  it("refuses to overwrite a migration of the same second", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    await writeMigration({ migrationsDir: dir, name: "same", sql: "SELECT 1;", now });
    await expect(writeMigration({ migrationsDir: dir, name: "same", sql: "SELECT 2;", now })).rejects.toThrow(/EEXIST/);
    await writeFile(path.join(dir, "unrelated.txt"), "not a migration");
    expect((await readMigrationsList(dir)).migrationDirectories).toHaveLength(1);
  });
});

describe("ZMigrationName", () => {
  it("turns spaces and dashes into underscores and lowercases", () => {
    expect(ZMigrationName.parse("  Add API-key note ")).toBe("add_api_key_note");
  });

  it("rejects empty names and characters that do not belong in a directory name", () => {
    expect(ZMigrationName.safeParse("").success).toBe(false);
    expect(ZMigrationName.safeParse("../escape").success).toBe(false);
    expect(ZMigrationName.safeParse("drop;table").success).toBe(false);
  });
});
