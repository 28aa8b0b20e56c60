import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDatabaseUrl } from "../test/support/db";
import { captureChildOutput } from "../test/support/log-capture";
import { rawEnv } from "@/env";
import { signInWithPassword } from "@/server/auth/testing/auth-requests";
import { db } from "@/server/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

async function createAdmin(args: string[]) {
  // Only what the script needs: no secrets, so it must work without them.
  const env = { PATH: rawEnv().PATH, HOME: rawEnv().HOME, DATABASE_URL: testDatabaseUrl(), NODE_ENV: "test" as const };
  return promisify(execFile)(tsx, ["scripts/create-admin.ts", ...args], { cwd: root, env, encoding: "utf8" }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )
    // stdout shows the new password once, by design; what the command logs is on stderr.
    .then((r) => {
      captureChildOutput("create-admin", r.stderr);
      return r;
    });
}

beforeEach(async () => {
  await resetDatabase();
});

describe("npm run ops:create-admin", () => {
  it("creates an admin and prints a password that signs in", async () => {
    const run = await createAdmin(["--email", "Root@Example.com", "--name", "Root Admin"]);
    expect(run.code).toBe(0);
    const password = /password \(shown once, store it now\): (\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    expect(await db().user.findUnique({ where: { email: "root@example.com" }, select: { role: true } })).toEqual({ role: "admin" });
    expect((await signInWithPassword("root@example.com", password!)).response.status).toBe(200);
  });

  it("exits 1 with a clear message on a taken email, a bad role or missing arguments", async () => {
    await createAdmin(["--email", "root@example.com", "--name", "Root"]);
    const taken = await createAdmin(["--email", "root@example.com", "--name", "Again"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);

    const badRole = await createAdmin(["--email", "x@example.com", "--name", "X", "--role", "owner"]);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role must be one of viewer, operator, admin/);

    const missing = await createAdmin(["--name", "X"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--email and --name are required/);
    expect(await db().user.count()).toBe(1);
  });
});
