import { spawn, execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { rawEnv } from "@/env";
import { findFreePort } from "@/server/database/free-port";
import { staleBuildReason } from "@/server/launcher/build-freshness";
import { treeResidentBytes } from "@/server/launcher/process-tree";
import { embeddedPostgresPid, launchNpmStart, waitHealthy } from "@/server/launcher/testing/launch-process";
import type { TBenchContext, TBenchMeasurements } from "./support";

export const name = "idle-memory";
export const description =
  "resident memory (VmRSS summed over the process tree) at idle after start: `npm start` vs a bare `next start` of the same build (target: npm start ≤ 400 MiB)";

const root = path.resolve(import.meta.dirname, "..");
/** After /api/health answers: startup work (job runtime, crons, first requests) settles. */
const SETTLE_MS = 8_000;
const SAMPLES = 10;
const SAMPLE_EVERY_MS = 500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => bytes / (1024 * 1024);

async function sampleTree(pid: number): Promise<number[]> {
  await sleep(SETTLE_MS);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(mib(treeResidentBytes(pid)));
    await sleep(SAMPLE_EVERY_MS);
  }
  return samples;
}

/** `npm start` on a fresh data dir: launcher, Next server and the embedded Postgres it starts (outside the tree). */
async function measureNpmStart(log: TBenchContext["log"]): Promise<number[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "embark-bench-start-"));
  const app = await launchNpmStart({ dataDir, port: await findFreePort(), env: { LOG_LEVEL: "warn" } });
  try {
    const samples = await sampleTree(app.npm.pid!);
    const postgres = embeddedPostgresPid(dataDir);
    if (postgres) log(`idle-memory: embedded Postgres (own process group, not in the tree) ${mib(treeResidentBytes(postgres)).toFixed(0)} MiB`);
    return samples;
  } finally {
    process.kill(-app.npm.pid!, "SIGINT");
    await app.exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `next start` run directly on the bench database: the same app without the launcher or npm. */
async function measureBareNextStart(databaseUrl: string): Promise<number[]> {
  const port = await findFreePort();
  const env = { ...rawEnv(), DATABASE_URL: databaseUrl, PORT: String(port), EMBARK_PUBLIC_URL: `http://127.0.0.1:${port}`, NEXT_MANUAL_SIG_HANDLE: "true" };
  const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => next.once("exit", resolve));
  try {
    await waitHealthy(port, exited, () => "next start exited before serving");
    return await sampleTree(next.pid!);
  } finally {
    next.kill("SIGTERM");
    await exited;
  }
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  const stale = staleBuildReason(root);
  if (stale) {
    log(`idle-memory: building first (${stale})`);
    execFileSync(process.execPath, [path.join(root, "scripts/launch.mjs"), "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  log("idle-memory: bare next start");
  const baseline = await measureBareNextStart(databaseUrl);
  log("idle-memory: npm start");
  const candidate = await measureNpmStart(log);
  return {
    metric: "idle RSS of the process tree",
    unit: "MiB",
    baseline: { label: "next start (same build)", samples: baseline },
    candidate: { label: "npm start", samples: candidate },
  };
}
