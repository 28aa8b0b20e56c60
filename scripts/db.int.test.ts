import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { captured } from "../test/support/log-capture";
import { afterAll, describe, expect, it } from "vitest";
import { rawEnv } from "@/env";
import { createIsolatedDatabase, type TIsolatedDatabase } from "../test/support/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs the CLI as `npm run db:*` does, with only the environment it is given. */
async function db(args: string[], extraEnv: Record<string, string> = {}) {
  const env = { PATH: rawEnv().PATH, HOME: rawEnv().HOME, NODE_ENV: "test" as const, ...extraEnv };
  return promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/db.ts", ...args], { cwd: root, env, encoding: "utf8" }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  ).then(captured("db-cli"));
}

const databases: TIsolatedDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

describe("scripts/db.ts", () => {
  it("migrate applies the migrations to DATABASE_URL, then finds nothing to do; check then passes for it", async () => {
    const target = await createIsolatedDatabase();
    databases.push(target);
    const first = await db(["migrate"], { DATABASE_URL: target.url });
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toMatch(/\[db\] applied \d{14}_init/);
    expect((await db(["migrate"], { DATABASE_URL: target.url })).stdout).toContain("[db] database schema is up to date");

    const check = await db(["check"], { DATABASE_URL: target.url });
    expect(check).toMatchObject({ code: 0, stdout: "[db] schema, migrations and database agree\n" });
  });

  it("check exits 1 listing the problems of a database that is behind", async () => {
    const behind = await createIsolatedDatabase();
    databases.push(behind);
    const check = await db(["check"], { DATABASE_URL: behind.url });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("[db] the database has no _prisma_migrations table (run `npm run db:migrate`)");
  });

  it("refuses a bad migration name or command with exit 2 and the usage", async () => {
    const badName = await db(["new", "../escape"]);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/migration name: use letters, digits and underscores only\nusage: /);
    expect((await db(["frobnicate"])).stderr).toContain('unknown command "frobnicate"');
  });
});
