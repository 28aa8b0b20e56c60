import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import { TEST_BUILD_ENV } from "../../src/server/launcher/testing/test-build-env";
import { registerSecret } from "../../test/support/log-capture";

/**
 * A second Embark for browser tests that need settings the shared one must
 * not have (Stripe configured): the `npm start` launcher with its own data
 * dir (embedded Postgres, generated secrets) on the given port.
 */
export async function startExtraEmbark(opts: { name: string; port: number; env: Record<string, string> }): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = path.resolve(".test-data", opts.name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["NODE_ENV", "DATABASE_URL", "INTERNAL_API_KEY", "AUTH_SECRET", "EMBARK_PUBLIC_URL"]) delete env[k];
  // Its own keys, named to the log scan: a key the launcher generated would be shown in its first-start banner.
  const secrets = {
    INTERNAL_API_KEY: `emb_internal_${randomBytes(24).toString("base64url")}`,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  registerSecret("internal-api-key", secrets.INTERNAL_API_KEY);
  registerSecret("auth-secret", secrets.AUTH_SECRET);
  const url = `http://127.0.0.1:${opts.port}`;
  const log = openSync(path.join(dataDir, "server.log"), "a");
  const server: ChildProcess = spawn(process.execPath, [path.resolve("scripts/launch.mjs"), "start"], {
    env: {
      ...env,
      PORT: String(opts.port),
      EMBARK_DATA_DIR: dataDir,
      EMBARK_PUBLIC_URL: url,
      ...secrets,
      LOG_LEVEL: "warn",
      // The build the shared server made has the wizard's debug stream on; the same value keeps the launcher from rebuilding it.
      ...TEST_BUILD_ENV,
      ...opts.env,
    },
    stdio: ["ignore", log, log],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Embark (${opts.name}) exited during start (see ${dataDir}/server.log)`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`Embark (${opts.name}) did not become healthy (see ${dataDir}/server.log)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}
