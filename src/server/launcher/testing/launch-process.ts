import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { rawEnv } from "@/env";
import { staleBuildReason } from "../build-freshness";
import { TEST_BUILD_ENV } from "./test-build-env";

const root = path.resolve(import.meta.dirname, "../../../..");

export type TLaunched = {
  /** The `npm start` process, leader of its own process group (as in a terminal). */
  npm: ChildProcess;
  port: number;
  /** Resolves when `npm start` has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything this `npm start` printed so far. */
  output(): string;
};

/**
 * Runs `npm start` for real (own process group, output to `<dataDir>/launcher.log`)
 * on `port` with its data under `dataDir`, and resolves once /api/health answers.
 * Only PATH and HOME are inherited: no DATABASE_URL, so it starts its own
 * embedded Postgres like a fresh checkout does (unless `env` gives one).
 * With `timeoutMs`, a start that is not healthy by then is killed (its whole
 * process group) and rejected; `onSpawn` gets the process at once, so a
 * caller can clean up whatever happens.
 */
export async function launchNpmStart(opts: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  timeoutMs?: number;
  onSpawn?: (npm: ChildProcess) => void;
  /** How often to ask /api/health (default 250 ms; a benchmark timing the start asks more often). */
  pollMs?: number;
}): Promise<TLaunched> {
  const logFile = path.join(opts.dataDir, "launcher.log");
  const from = existsSync(logFile) ? statSync(logFile).size : 0;
  const fd = openSync(logFile, "a");
  const capture = rawEnv().EMBARK_LOG_CAPTURE_DIR;
  const env = {
    PATH: rawEnv().PATH,
    HOME: rawEnv().HOME,
    PORT: String(opts.port),
    EMBARK_DATA_DIR: opts.dataDir,
    // The build the tests share: without it the launcher would rebuild.
    ...TEST_BUILD_ENV,
    // The test run's log capture (a test setting, not configuration the server would otherwise inherit).
    ...(capture ? { EMBARK_LOG_CAPTURE_DIR: capture } : {}),
    ...opts.env,
  };
  const npm = spawn("npm", ["start"], { cwd: root, env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  opts.onSpawn?.(npm);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const output = () => readFileSync(logFile).subarray(from).toString("utf8");
  try {
    await waitHealthy(opts.port, exited, () => `npm start exited before serving:\n${output().slice(-4000)}`, {
      timeoutMs: opts.timeoutMs,
      pollMs: opts.pollMs,
    });
  } catch (error) {
    if (npm.exitCode === null && npm.signalCode === null) process.kill(-npm.pid!, "SIGKILL");
    if (error instanceof TimeoutError) throw new Error(`${error.message}; npm start printed:\n${output().slice(-4000)}`);
    throw error;
  }
  return { npm, port: opts.port, exited, output };
}

class TimeoutError extends Error {}

/**
 * Resolves once /api/health on `port` answers 200 (asked every `pollMs`,
 * default 250 ms); throws `failure()` if `exited` settles first, or after
 * `timeoutMs` when given.
 */
export async function waitHealthy(
  port: number,
  exited: Promise<unknown>,
  failure: () => string,
  { timeoutMs, pollMs = 250 }: { timeoutMs?: number; pollMs?: number } = {},
): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
  for (;;) {
    if (gone) throw new Error(failure());
    if (Date.now() > deadline) throw new TimeoutError(`/api/health on port ${port} did not answer 200 within ${timeoutMs} ms`);
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The pid of the embedded Postgres serving `<dataDir>/pg`, from its postmaster.pid; null when none runs. */
export function embeddedPostgresPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, "pg", "pgdata", "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return null;
  }
}

/**
 * Runs `npm run build` (the launcher's build, with TEST_BUILD_ENV) when the
 * production build is missing, older than the sources or made with other
 * NEXT_PUBLIC_* settings, so a test that starts `npm start` spends
 * its own timeout on starting, not on a first build.
 */
export async function ensureProductionBuild(onBuild?: (reason: string) => void): Promise<void> {
  const stale = staleBuildReason(root, TEST_BUILD_ENV);
  if (!stale) return;
  onBuild?.(stale);
  const child = spawn(process.execPath, [path.join(root, "scripts/launch.mjs"), "build"], {
    cwd: root,
    env: { PATH: rawEnv().PATH, HOME: rawEnv().HOME, ...TEST_BUILD_ENV } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}):\n${stderr}`);
}
