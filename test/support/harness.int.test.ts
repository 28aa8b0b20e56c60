import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { db } from "@/server/db";
import { createIsolatedDatabase, resetDatabase, testDatabaseUrl } from "./db";

describe("integration harness", () => {
  it("points env() and db() at this worker's migrated database", async () => {
    expect(env().DATABASE_URL).toBe(testDatabaseUrl());
    expect(env().NODE_ENV).toBe("test");
    const rows = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM _prisma_migrations`;
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });
});
