import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, readdir, rm, writeFile } from "node:fs/promises";
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

/** Starts a postmaster and resolves once it accepts connections. */
export async function spawnPostmaster(opts: {
  bins: TPostgresBinaries;
  runAs: TRunAs;
  pgdata: string;
  port: number;
  noSync?: boolean;
  settings?: Record<string, string>;
  log?: TLog;
}): Promise<TPostmaster> {
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    // TCP only: no socket files to collide between clusters or need a writable /run.
    unix_socket_directories: "",
    ...(opts.noSync ? { fsync: "off", synchronous_commit: "off", full_page_writes: "off" } : {}),
    ...opts.settings,
  };
  const args = ["-D", opts.pgdata, "-p", String(opts.port)];
  for (const [key, value] of Object.entries(settings)) args.push("-c", `${key}=${value}`);
  const tail = new Tail(opts.log);
  const child = spawn(opts.bins.postgres, args, { ...opts.runAs, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      tail.push(text);
      if (text.includes("database system is ready to accept connections")) resolve();
    };
    child.stdout!.on("data", (c: Buffer) => tail.push(c.toString("utf8")));
    child.stderr!.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      const output = tail.text();
      if (/Address already in use/.test(output)) reject(new PortInUseError(opts.port));
      else if (/lock file "postmaster.pid" already exists/.test(output)) reject(new ClusterLockedError(opts.pgdata));
      else reject(new Error(`Postgres exited during start (code ${code}, signal ${signal}):\n${output}`));
    });
  });
  // If this process exits without stopping the server (process.exit on an
  // error path), still ask Postgres to shut down rather than leave an orphan.
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
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
