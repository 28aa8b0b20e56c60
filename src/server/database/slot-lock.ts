import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "./process-liveness";

export type TSlot = { index: number; dir: string; release(): Promise<void> };

/**
 * Claims the first free numbered directory under `baseDir` (`0/`, `1/`, ...),
 * so concurrent processes each get their own and a later one reuses what an
 * earlier one left. A slot is held by `<n>.lock` holding the owner's pid; a
 * lock whose owner died is taken over.
 */
export async function acquireSlot(baseDir: string, maxSlots = 16): Promise<TSlot> {
  await mkdir(baseDir, { recursive: true });
  for (let index = 0; index < maxSlots; index++) {
    const lockPath = path.join(baseDir, `${index}.lock`);
    if (await tryLock(lockPath)) {
      const dir = path.join(baseDir, String(index));
      await mkdir(dir, { recursive: true });
      return {
        index,
        dir,
        release: async () => {
          const owner = await readFile(lockPath, "utf8").catch(() => "");
          if (Number(owner.trim()) === process.pid) await rm(lockPath, { force: true });
        },
      };
    }
  }
  throw new Error(`All ${maxSlots} slots under ${baseDir} are in use by live processes`);
}

async function tryLock(lockPath: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
    // An empty file is a lock being written right now: treat it as held.
    if (!owner || (await isProcessAlive(owner))) return false;
    await rm(lockPath, { force: true });
  }
  return false;
}
