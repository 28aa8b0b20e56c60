import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db, pgPool } from "@/server/db";
import { isPgUniqueViolation, queryPrepared } from "./prepared";

describe("queryPrepared", () => {
  it("prepares the statement on the process's pool and reads its rows as Prisma would", async () => {
    const sql = Prisma.sql`SELECT ${7}::int AS n, ${"a"}::text AS s, ${true}::boolean AS b, json_build_object('k', ${2}::int) AS j`;
    const viaPrisma = await db().$queryRaw<unknown[]>(sql);
    expect(await queryPrepared(db(), sql)).toEqual(viaPrisma);
    // A named statement is listed in its session's pg_prepared_statements while it runs; Prisma's unnamed ones never are.
    const probe = (marker: string) => Prisma.sql`/* prepared-probe-${Prisma.raw(marker)} */ SELECT count(*)::int AS n FROM pg_prepared_statements
      WHERE name LIKE 'embark\_%' AND strpos(statement, 'prepared-probe-' || ${marker}::text) > 0`;
    expect(await queryPrepared(db(), probe("named"))).toEqual([{ n: 1 }]);
    expect(await db().$queryRaw(probe("prisma"))).toEqual([{ n: 0 }]);
  });

  it("goes through Prisma inside a transaction, and the transaction sees its own writes", async () => {
    const seen = await db().$transaction(async (tx) => {
      await tx.$executeRaw`CREATE TEMP TABLE prepared_probe (x int) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO prepared_probe VALUES (41)`;
      return queryPrepared<{ x: number }>(tx, Prisma.sql`SELECT x + ${1}::int AS x FROM prepared_probe`);
    });
    expect(seen).toEqual([{ x: 42 }]);
  });

  it("keeps working after $disconnect: the next db() has a pool of its own, and the old client answers through Prisma", async () => {
    const before = db();
    await before.$disconnect();
    const after = db();
    expect(after).not.toBe(before);
    expect(await queryPrepared(after, Prisma.sql`SELECT ${1}::int AS n`)).toEqual([{ n: 1 }]);
    expect(await queryPrepared(before, Prisma.sql`SELECT ${2}::int AS n`)).toEqual([{ n: 2 }]);
    await before.$disconnect();
  });

  it("tells a unique violation on a table from other errors", async () => {
    await pgPool().query("CREATE TABLE IF NOT EXISTS prepared_unique (k text PRIMARY KEY)");
    await queryPrepared(db(), Prisma.sql`INSERT INTO prepared_unique VALUES (${"one"}) ON CONFLICT DO NOTHING`);
    const err = await queryPrepared(db(), Prisma.sql`INSERT INTO prepared_unique VALUES (${"one"})`).catch((e: unknown) => e);
    expect(isPgUniqueViolation(err, "prepared_unique")).toBe(true);
    expect(isPgUniqueViolation(err, "tenants")).toBe(false);
    expect(isPgUniqueViolation(new Error("duplicate"), "prepared_unique")).toBe(false);
  });
});
