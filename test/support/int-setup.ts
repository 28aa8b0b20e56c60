/**
 * Runs in each integration-test worker before every test file, before any app
 * module is imported: gives the file a fresh copy of the migrated template as
 * its database and points the app's configuration at it.
 */
import { inject } from "vitest";
import { workerDatabaseName } from "./db";
import { registerSecret } from "./log-capture";
import { createDatabase } from "./test-databases";
import { TEST_AUTH_SECRET, TEST_INTERNAL_API_KEY } from "./test-env";

const { adminUrl, template } = inject("embarkTestDatabase");
const url = await createDatabase({ adminUrl, name: workerDatabaseName(), template });

// The harness sets configuration the way a deployment would: through the
// environment that src/env.ts reads.
Object.assign(process.env, {
  DATABASE_URL: url,
  NODE_ENV: "test",
  INTERNAL_API_KEY: TEST_INTERNAL_API_KEY,
  AUTH_SECRET: TEST_AUTH_SECRET,
  LOG_LEVEL: process.env.LOG_LEVEL || "silent",
  // Tests watch runs finish, not unfold.
  LOCAL_RUNNER_STAGE_DELAY_MS: "0",
});
registerSecret("internal-api-key", TEST_INTERNAL_API_KEY);
registerSecret("auth-secret", TEST_AUTH_SECRET);
