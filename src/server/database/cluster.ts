import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync } from "node:fs";
import { chown, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { rawEnv } from "@/env";
import type { TPostgresBinaries, TRunAs } from "./postgres-binaries";

type TLog = (line: string) => void;

/** Output kept to explain a failure when no log callback was given. */
class Tail {
  private lines: string[] = [];
  constructor(private readonly log?: TLog) {}
  push(chunk: string) {
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      this.log?.(line);
      this.lines.push(line);
      if (this.lines.length > 40) this.lines.shift();
    }
  }
  text() {
    return this.lines.join("\n");
  }
}

// Messages are matched below, so they must not be translated.
const childEnv = () => ({ ...rawEnv(), LC_MESSAGES: "C", LC_ALL: "C" });

/** Creates a new cluster in `pgdata` (which must be missing or empty). */
export async function initCluster(opts: {
  bins: TPostgresBinaries;
  runAs: TRunAs;
  pgdata: string;
  password: string;
  noSync?: boolean;
  log?: TLog;
}): Promise<void> {
  const { bins, runAs, pgdata } = opts;
  // A half-made cluster from an interrupted init would make initdb refuse.
  const leftovers = await readdir(pgdata).catch(() => null);
  if (leftovers && leftovers.length > 0) await rm(pgdata, { recursive: true, force: true });
  await mkdir(pgdata, { recursive: true, mode: 0o700 });
  // initdb runs as the postgres user and reads the password from a file; keep
  // that file private to it and delete it right after.
  const pwfile = path.join(path.dirname(pgdata), `.pwfile-${randomBytes(6).toString("hex")}`);
  await writeFile(pwfile, `${opts.password}\n`, { mode: 0o600 });
  if ("uid" in runAs) {
    await chown(pgdata, runAs.uid, runAs.gid);
    await chown(pwfile, runAs.uid, runAs.gid);
  }
  const tail = new Tail(opts.log);
  try {
    const args = [
      `--pgdata=${pgdata}`,
      "--auth=scram-sha-256",
      "--username=postgres",
      `--pwfile=${pwfile}`,
      "--encoding=UTF8",
      "--no-locale",
      ...(opts.noSync ? ["--no-sync"] : []),
    ];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(bins.initdb, args, { ...runAs, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.on("data", (c: Buffer) => tail.push(c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => tail.push(c.toString("utf8")));
      child.once("error", reject);
      child.once("close", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit ${code}):\n${tail.text()}`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

export class PortInUseError extends Error {
  constructor(public readonly port: number) {
    super(`Port ${port} on 127.0.0.1 is already in use; choose another port or leave it unset to pick a free one`);
    this.name = "PortInUseError";
  }
}

export class ClusterLockedError extends Error {
  constructor(pgdata: string) {
    super(`Another postmaster is starting or running in ${pgdata}`);
    this.name = "ClusterLockedError";
  }
}

export type TPostmaster = { child: ChildProcess; stop(): Promise<void> };

type TSpawnPostmasterOptions = {
  bins: TPostgresBinaries;
  runAs: TRunAs;
  pgdata: string;
  port: number;
  noSync?: boolean;
  settings?: Record<string, string>;
  log?: TLog;
  /**
   * Run the server in its own process group, writing its output to this file,
   * and leave it running when this process exits: Ctrl-C in a terminal then
   * reaches the app only, and whoever owns the cluster stops it after the app
   * has drained (see `scripts/launch.mjs`).
   */
  detachedLogFile?: string;
};

/** Starts a postmaster and resolves once it accepts connections. */
export async function spawnPostmaster(opts: TSpawnPostmasterOptions): Promise<TPostmaster> {
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    // TCP only: no socket files to collide between clusters or need a writable /run.
    unix_socket_directories: "",
    ...(opts.noSync ? { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } : {}),
    ...opts.settings,
  };
  const args = ["-D", opts.pgdata, "-p", String(opts.port)];
  for (const [key, value] of Object.entries(settings)) args.push("-c", `${key}=${value}`);
  const child = opts.detachedLogFile ? await spawnDetached(opts, args) : await spawnAttached(opts, args);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  // If this process exits without stopping the server (process.exit on an
  // error path), still ask Postgres to shut down rather than leave an orphan.
  const onExit = () => child.kill("SIGINT");
  if (!opts.detachedLogFile) process.once("exit", onExit);
  return {
    child,
    async stop() {
      process.removeListener("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGINT is Postgres' fast shutdown: roll back open transactions, checkpoint, exit.
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGQUIT"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The error a postmaster's start output means. */
function startFailure(opts: TSpawnPostmasterOptions, output: string, code: number | null, signal: string | null): Error {
  if (/Address already in use/.test(output)) return new PortInUseError(opts.port);
  if (/lock file "postmaster.pid" already exists/.test(output)) return new ClusterLockedError(opts.pgdata);
  return new Error(`Postgres exited during start (code ${code}, signal ${signal}):\n${output}`);
}

async function spawnAttached(opts: TSpawnPostmasterOptions, args: string[]): Promise<ChildProcess> {
  const tail = new Tail(opts.log);
  const child = spawn(opts.bins.postgres, args, { ...opts.runAs, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      tail.push(text);
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stdout!.on("data", (c: Buffer) => tail.push(c.toString("utf8")));
    child.stderr!.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(startFailure(opts, tail.text(), code, signal)));
  });
  return child;
}

/**
 * Readiness of a detached server is read where pg_ctl reads it: the status
 * line of `postmaster.pid` says `ready` once connections are accepted.
 */
async function spawnDetached(opts: TSpawnPostmasterOptions, args: string[]): Promise<ChildProcess> {
  const logFile = opts.detachedLogFile!;
  const from = await stat(logFile).then(
    (s) => s.size,
    () => 0,
  );
  const fd = openSync(logFile, "a", 0o640);
  let child: ChildProcess;
  try {
    child = spawn(opts.bins.postgres, args, { ...opts.runAs, env: childEnv(), stdio: ["ignore", fd, fd], detached: true });
  } finally {
    closeSync(fd);
  }
  child.unref();
  const output = async () => {
    const text = (await readFile(logFile, "utf8").catch(() => "")).slice(from);
    for (const line of text.split("\n")) if (line.trim()) opts.log?.(line);
    return text.split("\n").slice(-40).join("\n");
  };
  const pidFile = path.join(opts.pgdata, "postmaster.pid");
  const failed = new Promise<never>((_, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => void output().then((text) => reject(startFailure(opts, text, code, signal))));
  });
  const ready = (async () => {
    while (child.exitCode === null && child.signalCode === null) {
      const lines = (await readFile(pidFile, "utf8").catch(() => "")).split("\n");
      if (Number(lines[0]) === child.pid && lines[7]?.trim() === "ready") return;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.race([ready, failed]);
  failed.catch(() => undefined);
  await output();
  return child;
}
