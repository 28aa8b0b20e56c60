import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync, openSync } from "node:fs";
import path from "node:path";
import { TEST_BUILD_ENV } from "../../src/server/launcher/testing/test-build-env";
import { registerSecret } from "../../test/support/log-capture";
import { E2E_ADMIN, E2E_DATA_DIR, E2E_PORT, E2E_STATE_FILE, E2E_VIEWER } from "./config";

/**
 * Starts a fresh Embark for the browser tests: its own embedded Postgres, two
 * operators, and the server through the same launcher as `npm start`.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  const { startEmbeddedPostgres } = await import("../../src/server/database/embedded");
  const pg = await startEmbeddedPostgres({ dataDir: path.join(E2E_DATA_DIR, "pg") });
  const secrets = {
    INTERNAL_API_KEY: `emb_internal_${randomBytes(24).toString("base64url")}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  registerSecret("internal-api-key", secrets.INTERNAL_API_KEY);
  registerSecret("auth-secret", secrets.AUTH_SECRET);
  registerSecret("password", E2E_ADMIN.password);
  registerSecret("password", E2E_VIEWER.password);
  Object.assign(process.env, { DATABASE_URL: pg.url, ...secrets, EMBARK_PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}` });

  const { applyMigrations } = await import("../../src/server/database/migrate");
  await applyMigrations({ databaseUrl: pg.url });
  const { createOperator } = await import("../../src/server/services/operators/create-operator");
  await createOperator({ ...E2E_ADMIN, role: "admin" });
  await createOperator({ ...E2E_VIEWER, role: "viewer" });
  // The customer whose onboardings the specs start through the API: an onboarding names an existing user.
  const { seedUsers } = await import("../../test/support/user-factory");
  await seedUsers(["e2e-user"]);
  const { db } = await import("../../src/server/db");
  await db().$disconnect();

  // A missing or stale build is made first, outside the start deadline below.
  const { ensureProductionBuild } = await import("../../src/server/launcher/testing/launch-process");
  await ensureProductionBuild();

  const log = openSync(path.join(E2E_DATA_DIR, "server.log"), "a");
  const server = spawn(process.execPath, [path.resolve("scripts/launch.mjs"), "start"], {
    env: {
      ...withoutNodeEnv(process.env),
      PORT: String(E2E_PORT),
      EMBARK_DATA_DIR: E2E_DATA_DIR,
      EMBARK_PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`,
      LOG_LEVEL: "warn",
      // The tests stand in for a proxy when they come from 127.0.0.1 and speak
      // for many visitors with X-Forwarded-For; from ::1 they are a direct client.
      TRUSTED_PROXIES: "127.0.0.1",
      // The wizard's debug stream is on, as on staging: the launcher rebuilds when the build lacks it.
      ...TEST_BUILD_ENV,
    },
    stdio: ["ignore", log, log],
    detached: false,
  });
  writeFileSync(E2E_STATE_FILE, JSON.stringify({ serverPid: server.pid, ...secrets, databaseUrl: pg.url }));

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Embark exited during start (see ${E2E_DATA_DIR}/server.log)`);
    try {
      const res = await fetch(`http://127.0.0.1:${E2E_PORT}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Embark did not become healthy (see ${E2E_DATA_DIR}/server.log)`);
    await new Promise((r) => setTimeout(r, 250));
  }

  // Returned to Playwright, which runs it as the global teardown.
  return async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    await pg.stop();
  };
}

/** The server decides its own NODE_ENV (a local run, like `npm start`). */
function withoutNodeEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...source };
  delete (copy as Record<string, string | undefined>).NODE_ENV;
  return copy;
}
