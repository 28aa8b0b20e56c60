/**
 * The resident half of `npm start` / `npm run dev`; `npm run build` too.
 *
 * Setup (secrets, the embedded Postgres, migrations, the first operator, a
 * stale build) runs in a short-lived TypeScript process (scripts/embark.ts),
 * which hands back the environment and exits. This process then runs the
 * Next.js server itself — no second Node process stays resident to
 * supervise it — and owns the embedded Postgres, which runs in its own process
 * group so Ctrl-C reaches the app only.
 *
 * Stopping: SIGINT/SIGTERM reach the app, which drains (background jobs, the
 * database pool) and exits; on exit this process stops Postgres and waits for
 * it. Postgres thus never closes connections the app still holds.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const say = (msg) => process.stdout.write(`[embark] ${msg}\n`);
/** After a stop signal, the app's own drain gets this long before this process exits anyway. */
const DRAIN_BACKSTOP_MS = 15_000;
/** Postgres' smart shutdown (wait for sessions to end) gets this long before a fast one… */
const SMART_STOP_MS = 3_000;
/** …which gets this long before an immediate one. */
const FAST_STOP_MS = 15_000;

const command = process.argv[2] ?? "start";
if (!["start", "dev", "build"].includes(command)) {
  process.stderr.write(`[embark] unknown command "${command}" (start | dev | build)\n`);
  process.exit(1);
}

/** Runs scripts/embark.ts; resolves with its exit code and what it sent. */
let preparing = null;
function prepare() {
  const child = (preparing = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(root, "scripts", "embark.ts"), command], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  }));
  let ready = null;
  child.on("message", (m) => {
    if (m && m.type === "ready") ready = m;
  });
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), ready }));
  });
}

/** True while the process runs (a zombie, which no init reaped, counts as gone). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true;
  }
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Waits up to `ms` for `pid` to end; true when it did. */
function waitGone(pid, ms) {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    sleepSync(25);
  }
  return true;
}

/**
 * Stops the embedded Postgres and waits for it. Synchronous: it runs in the
 * `exit` handler, after the app has drained and called process.exit. First a
 * smart shutdown, which lets sessions the app just closed finish on their own
 * (a pool's `end()` resolves once the goodbye is sent, not once the server
 * has read it); then fast, then immediate, each after a bound.
 */
function stopPostgres(pg) {
  say("stopping the embedded Postgres");
  for (const [signal, ms] of [
    ["SIGTERM", SMART_STOP_MS],
    ["SIGINT", FAST_STOP_MS],
    ["SIGQUIT", 5_000],
  ]) {
    try {
      process.kill(pg.pid, signal);
    } catch {
      break;
    }
    if (waitGone(pg.pid, ms)) break;
  }
  try {
    const owner = path.join(pg.dataDir, "pg-owner");
    if (readFileSync(owner, "utf8").trim() === String(process.pid)) rmSync(owner, { force: true });
  } catch {
    // no owner file
  }
  say(alive(pg.pid) ? `Postgres (pid ${pg.pid}) did not stop` : "embedded Postgres stopped");
}

/** Waits until the server answers /api/health (or gives up quietly). */
async function waitHealthy(port) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** The secrets shown once, framed, after everything else was printed. */
function printNotices(notices) {
  if (!notices.length) return;
  const lines = notices.flatMap((n, i) => [...(i ? [""] : []), n.title, ...n.lines.map((l) => `  ${l}`)]);
  const width = Math.max(...lines.map((l) => l.length));
  const out = [`┏${"━".repeat(width + 2)}┓`, ...lines.map((l) => `┃ ${l.padEnd(width)} ┃`), `┗${"━".repeat(width + 2)}┛`];
  process.stdout.write(`\n${out.join("\n")}\n\n`);
}

let stopping = false;
const onSignal = (signal) => {
  if (stopping) return;
  stopping = true;
  say(`${signal}: shutting down`);
  // The app installs its own handlers (src/jobs/shutdown.ts) and exits once
  // drained; without them (setup still running) there is nothing to drain.
  if (!serving) {
    // Setup: scripts/embark.ts stops what it started and exits; so do we.
    if (preparing?.exitCode === null) preparing.kill(signal);
    return;
  }
  setTimeout(() => process.exit(1), DRAIN_BACKSTOP_MS).unref();
  // `next dev` stops its own server process and exits.
  if (command === "dev") return;
  if (!globalThis.__embarkShutdown?.handlersInstalled) process.exit(0);
};
let serving = false;
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const { code, ready } = await prepare();
if (ready?.postgres) {
  const pg = ready.postgres;
  process.on("exit", () => stopPostgres(pg));
}
if (command === "build") process.exit(code);
if (code !== 0 || !ready) process.exit(code || 1);
if (stopping) {
  // Stopped right after setup: what was shown once is still shown.
  printNotices(ready.notices);
  process.exit(0);
}

Object.assign(process.env, ready.env);
const port = String(ready.port);
process.argv = [process.execPath, nextBin, command, "-p", port];
serving = true;
await import(nextBin);
say(`serving ${ready.env.EMBARK_PUBLIC_URL}`);
// Shown last, once the build and the server's banner have scrolled by; on an
// early exit they are still shown rather than lost.
let shown = false;
const showNotices = () => {
  if (!shown) printNotices(ready.notices);
  shown = true;
};
process.prependListener("exit", showNotices);
await waitHealthy(port);
showNotices();
