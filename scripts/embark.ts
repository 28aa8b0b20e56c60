/**
 * Setup for `npm start`, `npm run dev` and `npm run build`, run by
 * scripts/serve.mjs in a short-lived process (its resident server needs
 * neither tsx nor what setup loads).
 *
 * Outside production it fills in what a laptop lacks: an embedded Postgres
 * under the data dir (in its own process group, owned by the launcher, which
 * stops it after the app), secrets generated once into it, the first operator.
 * In production (NODE_ENV=production) it fills in nothing and refuses to start
 * on a missing or weak setting, naming the variable.
 *
 * For start and dev it sends the launcher `{ type: "ready", env, port,
 * notices, postgres }` over IPC and exits; `notices` are the secrets shown
 * once, which the launcher prints last.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import { EnvError, parseBaseEnv, parseEnv } from "../src/env";
import { ensureLocalSecrets } from "../src/server/launcher/local-secrets";
import { staleBuildReason, writePublicEnvStamp } from "../src/server/launcher/build-freshness";
import type { TLaunchNotice, TLaunchReady } from "../src/server/launcher/ready-message";

type Command = "start" | "dev" | "build";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const say = (msg: string) => process.stdout.write(`[embark] ${msg}\n`);

function fail(message: string): never {
  process.stderr.write(`[embark] ${message}\n`);
  process.exit(1);
}

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: "inherit" });
}

function waitExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const code = await waitExit(runNext(["build"], { ...env, NODE_ENV: "production" }));
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  writePublicEnvStamp(root, env);
}

async function main(): Promise<void> {
  const command = (process.argv[2] ?? "start") as Command;
  if (!["start", "dev", "build"].includes(command)) fail(`unknown command "${command}" (start | dev | build)`);
  nextEnv.loadEnvConfig(root, command === "dev");
  const production = process.env.NODE_ENV === "production";

  const baseEnv = process.env;
  const childEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_IGNORE_INCORRECT_LOCKFILE: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
  };

  if (command === "build") return build(childEnv);

  if (!process.send) fail("run this through `npm start` / `npm run dev` (scripts/launch.mjs)");
  const notices: TLaunchNotice[] = [];
  let stopDatabase: (() => Promise<void>) | undefined;
  let postgres: TLaunchReady["postgres"] = null;
  // Ctrl-C during setup: stop what was started, leave nothing behind.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void (stopDatabase ? stopDatabase() : Promise.resolve()).finally(() => process.exit(130)));
  }
  try {
    const base = parseBaseEnv(baseEnv);
    if (production) {
      parseEnv(baseEnv);
    } else {
      const dataDir = path.resolve(root, base.EMBARK_DATA_DIR);
      const { secrets, created } = ensureLocalSecrets({ dataDir });
      for (const [k, v] of Object.entries(secrets)) childEnv[k] ??= v;
      if (created.includes("INTERNAL_API_KEY") && !baseEnv.INTERNAL_API_KEY) {
        notices.push({
          title: `Generated INTERNAL_API_KEY (kept in ${path.join(base.EMBARK_DATA_DIR, "secrets.json")}):`,
          lines: [secrets.INTERNAL_API_KEY],
        });
      }
      childEnv.EMBARK_PUBLIC_URL ??= `http://localhost:${base.PORT}`;
      if (!childEnv.DATABASE_URL) {
        const { startEmbeddedPostgres } = await import("../src/server/database/embedded");
        const pgDir = path.join(dataDir, "pg");
        const pg = await startEmbeddedPostgres({ dataDir: pgDir, detachFor: { ownerPid: process.ppid } });
        childEnv.DATABASE_URL = pg.url;
        stopDatabase = pg.stop;
        if (pg.pid !== null) postgres = { pid: pg.pid, dataDir: pgDir };
        say(`embedded Postgres ready under ${path.join(base.EMBARK_DATA_DIR, "pg")}`);
      }
      parseEnv(childEnv);
    }
  } catch (e) {
    if (stopDatabase) await stopDatabase();
    if (e instanceof EnvError) fail(e.message);
    throw e;
  }

  const stopAll = async (code: number) => {
    if (stopDatabase) await stopDatabase().catch(() => undefined);
    process.exit(code);
  };

  try {
    const { applyMigrations } = await import("../src/server/database/migrate");
    const { applied } = await applyMigrations({ databaseUrl: childEnv.DATABASE_URL! });
    say(applied.length ? `applied ${applied.length} migration(s)` : "database schema is up to date");
    if (!production) {
      Object.assign(process.env, { DATABASE_URL: childEnv.DATABASE_URL, AUTH_SECRET: childEnv.AUTH_SECRET, INTERNAL_API_KEY: childEnv.INTERNAL_API_KEY, EMBARK_PUBLIC_URL: childEnv.EMBARK_PUBLIC_URL });
      const { ensureFirstAdmin } = await import("../src/server/services/operators/ensure-first-admin");
      const admin = await ensureFirstAdmin();
      if (admin) {
        notices.push({
          title: "Created the first operator (shown once; change the password in /cp → Account):",
          lines: [`email     ${admin.email}`, `password  ${admin.password}`],
        });
      }
      const { db } = await import("../src/server/db");
      await db().$disconnect();
    }
    if (command === "start") {
      const stale = staleBuildReason(root, childEnv);
      if (stale) {
        say(`building (${stale})…`);
        await build(childEnv);
      }
    }
  } catch (e) {
    process.stderr.write(`[embark] start failed: ${e instanceof Error ? e.message : String(e)}\n`);
    await stopAll(1);
  }

  const ready: TLaunchReady = { type: "ready", env: childEnv, port: parseBaseEnv(childEnv).PORT, notices, postgres };
  process.send(ready, () => process.exit(0));
}

main().catch((e) => {
  process.stderr.write(`[embark] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
