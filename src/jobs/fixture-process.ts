import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { captureChildStream } from "../../test/support/log-capture";

/**
 * A worker process for the job runtime's process tests: a fixture script run
 * with tsx, whose stdout lines (READY, STARTED <id>, ...) the test waits on.
 */
export type TFixtureProcess = {
  child: ChildProcess;
  /** Resolves with the first stdout line starting with `prefix`. */
  line(prefix: string): Promise<string>;
  /** Resolves with the first `count` stdout lines starting with `prefix`. */
  lines(prefix: string, count: number): Promise<string[]>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const started: ChildProcess[] = [];

/**
 * Starts `node --import tsx <fixture> ...args`. With `ownGroup` the process
 * leads a process group of its own, so a test can kill it with everything it
 * started, as a crash or an orchestrator's `kill -9` of the group would.
 */
export function startFixtureProcess(
  fixture: string,
  args: readonly string[],
  opts: { env?: Record<string, string>; ownGroup?: boolean } = {},
): TFixtureProcess {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...opts.env },
    stdio: ["ignore", "pipe", "inherit"],
    detached: opts.ownGroup ?? false,
  });
  started.push(child);
  captureChildStream(path.basename(fixture), child.stdout);
  const seen: string[] = [];
  const waiters: { prefix: string; count: number; resolve: (lines: string[]) => void }[] = [];
  const matching = (prefix: string) => seen.filter((l) => l.startsWith(prefix));
  createInterface({ input: child.stdout! }).on("line", (l) => {
    seen.push(l);
    for (const w of [...waiters]) {
      const hits = matching(w.prefix);
      if (hits.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(hits.slice(0, w.count));
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const lines = (prefix: string, count: number) => {
    const hits = matching(prefix);
    if (hits.length >= count) return Promise.resolve(hits.slice(0, count));
    return new Promise<string[]>((resolve, reject) => {
      waiters.push({ prefix, count, resolve });
      void exited.then(({ code }) => reject(new Error(`worker exited (${code}) before printing ${count} × "${prefix}"`)));
    });
  };
  return { child, exited, lines, line: async (prefix) => (await lines(prefix, 1))[0]! };
}

/** Kills the process group of a fixture started with `ownGroup`, at once (SIGKILL). */
export function killProcessGroup(proc: TFixtureProcess): void {
  process.kill(-proc.child.pid!, "SIGKILL");
}

/** Kills what a test left running (for afterEach). */
export function killFixtureProcesses(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
