import { readFile } from "node:fs/promises";

/**
 * Whether a process exists and is not a zombie. Containers often run without
 * an init that reaps orphans, so a dead orphan can linger as a zombie that
 * still answers kill(pid, 0).
 */
export async function isProcessAlive(pid: number): Promise<boolean> {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return true;
  // Field 3, after the parenthesised command name, is the state letter.
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "Z" && state !== "X";
}

/** The command line of a process, or null where /proc is not available. */
export async function processCommandLine(pid: number): Promise<string | null> {
  const raw = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  return raw === null ? null : raw.split("\0").join(" ").trim();
}

/** Resolves once the process is gone; throws after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Not our child, so there is no exit event to wait on: poll.
  while (await isProcessAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`Process ${pid} did not exit within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
