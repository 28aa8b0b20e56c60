/**
 * `npm test`: unit and integration tests (Vitest), then the browser tests
 * (Playwright in Chromium), then one line of totals summed from the runners'
 * JSON reports: `N passed, N failed`.
 *
 * Every log line of the run is captured (EMBARK_LOG_CAPTURE_DIR = reports/logs:
 * the app's logger in test workers, child processes and the browser tests'
 * servers) and searched for secrets afterwards (scripts/log-scan.ts); each log
 * line holding one counts as a failure, reported by file:line and kind.
 *
 *   npm test                 everything
 *   npm test -- --only e2e   one tier: unit | int | e2e
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describeFindings, scanCapture } from "./log-scan";
import { LOG_SCAN_REPORT, readTotals } from "./test-totals";
import { staleBuildReason } from "../src/server/launcher/build-freshness";
import { TEST_BUILD_ENV } from "../src/server/launcher/testing/test-build-env";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const reports = path.join(root, "reports");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const onlyIdx = process.argv.indexOf("--only");
const only = onlyIdx > 0 ? process.argv[onlyIdx + 1] : undefined;
const tiers = only ? [only] : ["unit", "int", "e2e"];

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const captureDir = path.join(reports, "logs");
mkdirSync(captureDir, { recursive: true });
process.env.EMBARK_LOG_CAPTURE_DIR = captureDir;
const startedAt = Date.now();

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } as NodeJS.ProcessEnv });
  return r.status ?? 1;
}

let exit = 0;
const vitestProjects = tiers.filter((t) => t === "unit" || t === "int");
if (vitestProjects.length) {
  const args = ["run", ...vitestProjects.flatMap((p) => ["--project", p])];
  exit ||= run(bin("vitest"), args, { VITEST_JSON_REPORT: path.join(reports, "vitest.json") });
}
if (tiers.includes("e2e")) {
  // The launcher's tests may have built it already in this run.
  const stale = staleBuildReason(root, TEST_BUILD_ENV);
  const built = stale ? run(process.execPath, [bin("tsx"), "scripts/embark.ts", "build"], TEST_BUILD_ENV) : 0;
  if (built !== 0) {
    process.stderr.write("next build failed: the browser tests cannot run\n");
    exit = 1;
  } else {
    exit ||= run(bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "playwright.json") });
  }
}

const totals = readTotals(reports);
const scan = scanCapture(captureDir, serverLogsSince(startedAt));
for (const line of describeFindings(scan.findings, root)) process.stderr.write(`${line}\n`);
process.stdout.write(`\nlog scan: ${scan.files} log files, ${scan.secrets} known secrets, ${scan.findings.length} lines with a secret\n`);
// Each line with a secret is a failure. Integration and browser tests always log:
// nothing captured from them means the check did not run, which fails too.
const checkDidNotRun = scan.files === 0 && tiers.some((t) => t !== "unit");
const scanFailures = scan.findings.length + (checkDidNotRun ? 1 : 0);
// Kept beside the runners' reports, so every sum of them (CI's too) counts these failures.
writeFileSync(path.join(reports, LOG_SCAN_REPORT), JSON.stringify({ files: scan.files, secrets: scan.secrets, failures: scanFailures }));
totals.failed += scanFailures;
if (!existsSync(path.join(reports, "vitest.json")) && vitestProjects.length) exit = 1;
if (totals.passed + totals.failed === 0) exit = 1;
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}\n`);
process.exit(totals.failed > 0 ? 1 : exit);

/** The logs of Embark servers the browser tests started (`.test-data/<name>/server.log`), written during this run. */
function serverLogsSince(since: number): string[] {
  const data = path.join(root, ".test-data");
  if (!existsSync(data)) return [];
  return readdirSync(data)
    .map((name) => path.join(data, name, "server.log"))
    .filter((f) => existsSync(f) && statSync(f).mtimeMs >= since);
}
