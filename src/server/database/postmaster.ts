import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive, processCommandLine, waitForExit } from "./process-liveness";

export type TPostmasterState =
  | { state: "stopped" }
  /** A postmaster runs and the process that started it is alive. */
  | { state: "running"; pid: number; port: number; ownerPid: number | null }
  /** A postmaster runs but whoever started it died (killed test run, crashed dev server). */
  | { state: "orphaned"; pid: number; port: number };

const OWNER_FILE = "pg-owner";

/**
 * Reads `postmaster.pid` and decides what it means. A file whose process is
 * gone (or is no longer a postgres, after pid reuse) is stale and removed, so
 * the next start does not refuse to run.
 */
export async function inspectPostmaster(opts: { dataDir: string; pgdata: string }): Promise<TPostmasterState> {
  const pidFile = path.join(opts.pgdata, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => null);
  if (text === null) return { state: "stopped" };
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const command = (await isProcessAlive(pid)) ? await processCommandLine(pid) : null;
  const isPostgres = command !== null && (command === "" || /postgres/.test(command));
  if (!isPostgres) {
    await rm(pidFile, { force: true });
    return { state: "stopped" };
  }
  const ownerPid = await readOwner(opts.dataDir);
  if (ownerPid !== null && ownerPid !== process.pid && !(await isProcessAlive(ownerPid))) {
    return { state: "orphaned", pid, port };
  }
  return { state: "running", pid, port, ownerPid };
}

/** Fast shutdown of a postmaster that is not our child. */
export async function stopOrphanedPostmaster(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return;
    throw error;
  }
  await waitForExit(pid, 15_000);
}

async function readOwner(dataDir: string): Promise<number | null> {
  const text = await readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => null);
  const pid = Number(text?.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Records which process started the postmaster, so a later start can tell an orphan. */
export async function writeOwner(dataDir: string, ownerPid = process.pid): Promise<void> {
  await writeFile(path.join(dataDir, OWNER_FILE), `${ownerPid}\n`, { mode: 0o644 });
}

export async function clearOwner(dataDir: string): Promise<void> {
  if ((await readOwner(dataDir)) === process.pid) await rm(path.join(dataDir, OWNER_FILE), { force: true });
}
