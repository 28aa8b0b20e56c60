import { describe, expect, it } from "vitest";
import { describeHistory } from "./check-drift";

const clean = { editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null };

describe("describeHistory", () => {
  it("says nothing about a database in step with the directory", () => {
    expect(describeHistory(clean)).toEqual([]);
  });

  it("names failed, edited and unapplied migrations", () => {
    expect(
      describeHistory({
        ...clean,
        failedMigrationNames: ["20260101000000_b"],
        editedMigrationNames: ["20250101000000_a"],
        history: { diagnostic: "databaseIsBehind", unappliedMigrationNames: ["20260101000000_b", "20260202000000_c"] },
      }),
    ).toEqual([
      "migration 20260101000000_b failed in the database",
      "migration 20250101000000_a was edited after it was applied",
      "the database lacks 2 migration(s): 20260101000000_b, 20260202000000_c",
    ]);
  });

  it("asks for a first migrate when there is no migrations table", () => {
    const problems = describeHistory({
      ...clean,
      hasMigrationsTable: false,
      history: { diagnostic: "databaseIsBehind", unappliedMigrationNames: ["20250101000000_a"] },
    });
    expect(problems).toEqual(["the database has no _prisma_migrations table (run `npm run db:migrate`)"]);
  });

  it("explains migrations only the database knows, and diverging histories", () => {
    expect(describeHistory({ ...clean, history: { diagnostic: "migrationsDirectoryIsBehind", unpersistedMigrationNames: ["x"] } })).toEqual([
      "the database has migrations not in the directory: x",
    ]);
    expect(
      describeHistory({
        ...clean,
        history: { diagnostic: "historiesDiverge", lastCommonMigrationName: "a", unpersistedMigrationNames: ["b"], unappliedMigrationNames: [] },
      }),
    ).toEqual(["the database and the directory diverge after a: only in the database: b; only in the directory: none"]);
  });
});
