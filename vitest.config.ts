import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// A setting of the test runner, not of the app, so it is not part of src/env.ts
// (which Vite's config loader could not import without a file extension).
const jsonReport = process.env.VITEST_JSON_REPORT;

/**
 * Two projects: `unit` for pure tests (`*.test.ts`) and `int` for tests
 * against a real Postgres (`*.int.test.ts`); a third, `stress` (files named
 * `*.stress.test.ts` under test/), runs only through `npm run test:stress`.
 * With VITEST_JSON_REPORT set, a JSON report is written there too (the test
 * command sums its totals).
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
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
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
        // `npm run test:stress`: many operations at once against a real server (minutes, so not in `npm test`).
        extends: true,
        test: {
          name: "stress",
          environment: "node",
          include: ["test/**/*.stress.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/int-setup.ts"],
          maxWorkers: 1,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
