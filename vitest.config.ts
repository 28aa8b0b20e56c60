import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// A setting of the test runner, not of the app, so it is not part of src/env.ts
// (which Vite's config loader could not import without a file extension).
const jsonReport = process.env.VITEST_JSON_REPORT;

/**
 * Three projects: `unit` for pure tests (`*.test.ts`), `stress` for fault tests
 * (`*.stress.test.ts`, `npm run test:stress`) and `int` for tests
 * against a real Postgres (`*.int.test.ts`). With VITEST_JSON_REPORT set, a
 * JSON report is written there too (the test command sums its totals).
 */
export default defineConfig({
  resolve: { alias: { "@": path.join(root, "src") } },
  test: {
    teardownTimeout: 30_000,
    reporters: jsonReport ? ["default", ["json", { outputFile: jsonReport }]] : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.stress.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "int",
          environment: "node",
          include: ["src/**/*.int.test.ts", "scripts/**/*.int.test.ts", "test/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/int-setup.ts"],
          // Integration tests mostly wait on Postgres, so more workers than
          // cores would pay off (each has its own database), but tests with time
          // bounds need CPU left over: 2 on 2 cores.
          maxWorkers: 2,
          // Two cores shared with Postgres: be patient rather than flaky.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Fault tests (`*.stress.test.ts`): real processes killed and
          // restarted, Postgres stopped under load; slow, so a project of their
          // own (`npm run test:stress`).
          name: "stress",
          environment: "node",
          include: ["src/**/*.stress.test.ts", "test/**/*.stress.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/int-setup.ts"],
          // One at a time: each kills and restarts processes against timing it proves.
          maxWorkers: 1,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
