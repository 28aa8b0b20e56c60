/**
 * The production server as the process benchmarks start it: a bare
 * `next start` of the build on the bench database (the baseline), or
 * `npm start` (the launcher, which starts its own embedded Postgres under its
 * data dir). Shared by idle-memory, load-memory and the startup benchmarks.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { rawEnv } from "@/env";
import { findFreePort } from "@/server/database/free-port";
import { treeResidentBytes } from "@/server/launcher/process-tree";
import { ensureProductionBuild, launchNpmStart, waitHealthy } from "@/server/launcher/testing/launch-process";
import type { TBenchContext } from "./support";

export const root = path.resolve(import.meta.dirname, "..");

/** How often a start asks /api/health: the resolution of a start-up time. */
const HEALTH_POLL_MS = 20;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const mib = (bytes: number) => bytes / (1024 * 1024);

/** A started server: its process (leader of the tree to measure), where it listens, and how long it took to answer /api/health 200. */
export type TAppProcess = { pid: number; port: number; url: string; healthyAfterMs: number; stop(): Promise<void> };

/**
 * Builds the app first when `.next` is missing or stale (the benchmarks need a
 * production build): the build `startNpm` (launchNpmStart) expects, so no
 * timed start rebuilds.
 */
export async function ensureBuild(log: TBenchContext["log"], bench: string): Promise<void> {
  await ensureProductionBuild((stale) => log(`${bench}: building first (${stale})`));
}

/** `next start` run directly on the bench database: the same app without the launcher or npm. */
export async function startBareNext(databaseUrl: string): Promise<TAppProcess> {
  const port = await findFreePort();
  const env = { ...rawEnv(), DATABASE_URL: databaseUrl, PORT: String(port), EMBARK_PUBLIC_URL: `http://127.0.0.1:${port}`, NEXT_MANUAL_SIG_HANDLE: "true" };
  const started = performance.now();
  const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => next.once("exit", resolve));
  const stop = async () => {
    next.kill("SIGTERM");
    await exited;
  };
  try {
    await waitHealthy(port, exited, () => "next start exited before serving", { pollMs: HEALTH_POLL_MS });
  } catch (err) {
    await stop();
    throw err;
  }
  return { pid: next.pid!, port, url: `http://127.0.0.1:${port}`, healthyAfterMs: performance.now() - started, stop };
}

/**
 * `npm start` with its data under `dataDir`: a fresh directory means a cold
 * start (the embedded Postgres is initialised and migrated first), an
 * existing one a warm start.
 */
export async function startNpm(dataDir: string): Promise<TAppProcess> {
  const port = await findFreePort();
  const started = performance.now();
  const app = await launchNpmStart({ dataDir, port, env: { LOG_LEVEL: "warn" }, pollMs: HEALTH_POLL_MS });
  const healthyAfterMs = performance.now() - started;
  return {
    pid: app.npm.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    healthyAfterMs,
    stop: async () => {
      process.kill(-app.npm.pid!, "SIGINT");
      await app.exited;
    },
  };
}

/** A fresh data dir for `npm start`, removed after `work`. */
export async function withDataDir<T>(work: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "embark-bench-start-"));
  try {
    return await work(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Summed VmRSS (MiB) of `pid` and its descendants, `samples` times `everyMs` apart. */
export async function sampleTree(pid: number, opts: { samples: number; everyMs: number }): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    samples.push(mib(treeResidentBytes(pid)));
    await sleep(opts.everyMs);
  }
  return samples;
}

/** Starts `start()`, notes how long it took to answer /api/health 200, and stops it. */
export async function timeToHealthy(start: () => Promise<TAppProcess>): Promise<number> {
  const app = await start();
  await app.stop();
  return app.healthyAfterMs;
}
