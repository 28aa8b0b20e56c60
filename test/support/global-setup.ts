import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { rawEnv } from "../../src/env";
import { startEmbeddedPostgres } from "../../src/server/database/embedded";
import { acquireSlot } from "../../src/server/database/slot-lock";
import type {} from "./provided";
import { dropDatabasesWithPrefix } from "./test-databases";
import { prepareTemplate } from "./test-template";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Integration-test global setup: one Postgres for the whole run (an embedded
 * one under .test-data/, or TEST_DATABASE_URL), a migrated template built
 * once, and a name prefix for the per-worker databases cloned from it.
 * Concurrent runs in one checkout each claim their own cluster directory.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = rawEnv().TEST_DATABASE_URL;
  let adminUrl: string;
  let stopServer = async () => undefined as void;
  if (external) {
    adminUrl = external;
  } else {
    const slot = await acquireSlot(path.join(root, ".test-data", "postgres"));
    try {
      const server = await startEmbeddedPostgres({
        dataDir: slot.dir,
        noSync: true,
        database: "postgres",
        settings: { max_connections: "300" },
      });
      adminUrl = server.url;
      stopServer = async () => {
        await server.stop();
        await slot.release();
      };
    } catch (error) {
      await slot.release();
      throw error;
    }
  }

  // The pid keeps names from concurrent runs on a shared server apart.
  const prefix = `embark_test_${process.pid.toString(36)}`;
  try {
    // Our own cluster may hold databases from a run that was killed.
    if (!external) {
      await dropDatabasesWithPrefix(adminUrl, "embark_test_");
      await dropDatabasesWithPrefix(adminUrl, "prisma_migrate_shadow_db_");
    }
    const template = await prepareTemplate({ adminUrl, dropStale: !external });
    project.provide("embarkTestDatabase", { adminUrl, template, prefix });
  } catch (error) {
    await stopServer();
    throw error;
  }
  return async () => {
    await dropDatabasesWithPrefix(adminUrl, prefix).catch(() => undefined);
    await stopServer();
  };
}
