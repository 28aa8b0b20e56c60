import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";
import { acquireSlot } from "./slot-lock";

/**
 * Runs `fn` with a throwaway local Postgres, for tooling that needs a server
 * only as a scratch pad (the schema engine's shadow database). Clusters are
 * kept under the OS temp dir and reused, so only the first use pays for initdb.
 */
export async function withTemporaryPostgres<T>(fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const slot = await acquireSlot(path.join(os.tmpdir(), "embark-scratch-postgres"));
  try {
    const server = await startEmbeddedPostgres({ dataDir: slot.dir, noSync: true, database: "scratch" });
    try {
      return await fn(server.url);
    } finally {
      await server.stop();
    }
  } finally {
    await slot.release();
  }
}
