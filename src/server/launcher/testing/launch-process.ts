import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { rawEnv } from "@/env";

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
 * embedded Postgres like a fresh checkout does.
 */
export async function launchNpmStart(opts: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
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
    // The test run's log capture (a test setting, not configuration the server would otherwise inherit).
    ...(capture ? { EMBARK_LOG_CAPTURE_DIR: capture } : {}),
    ...opts.env,
  };
  const npm = spawn("npm", ["start"], { cwd: root, env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const output = () => readFileSync(logFile).subarray(from).toString("utf8");
  await waitHealthy(opts.port, exited, () => `npm start exited before serving:\n${output().slice(-4000)}`, opts.pollMs);
  return { npm, port: opts.port, exited, output };
}

/** Resolves once /api/health on `port` answers 200 (asked every `pollMs`); throws `failure()` if `exited` settles first. */
export async function waitHealthy(port: number, exited: Promise<unknown>, failure: () => string, pollMs = 250): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(failure());
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
