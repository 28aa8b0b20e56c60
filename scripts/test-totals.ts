import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export type TTotals = { passed: number; failed: number; skipped: number };

/** Written by `npm test` after its log scan: `{ failures }`, each a log line holding a secret (or 1 when nothing was scanned). */
export const LOG_SCAN_REPORT = "log-scan.json";

/**
 * Sums the results in a reports folder: `vitest.json` (Vitest's JSON reporter),
 * `playwright.json` (Playwright's) and the log scan's failures. A missing
 * report counts as nothing run.
 */
export function readTotals(dir: string): TTotals {
  const totals: TTotals = { passed: 0, failed: 0, skipped: 0 };
  const vitest = path.join(dir, "vitest.json");
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
  const pw = path.join(dir, "playwright.json");
  if (existsSync(pw)) {
    const s = JSON.parse(readFileSync(pw, "utf8")).stats ?? {};
    totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    totals.failed += s.unexpected ?? 0;
    totals.skipped += s.skipped ?? 0;
    // Errors outside any test (a global setup that threw) fail the run.
    if ((JSON.parse(readFileSync(pw, "utf8")).errors ?? []).length) totals.failed += 1;
  }
  const scan = path.join(dir, LOG_SCAN_REPORT);
  if (existsSync(scan)) totals.failed += Number(JSON.parse(readFileSync(scan, "utf8")).failures) || 0;
  return totals;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  // Several folders (e.g. `reports reports/stress`) are summed.
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : ["reports"];
  const t = dirs.map(readTotals).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
  process.stdout.write(`${t.passed} passed, ${t.failed} failed\n`);
}
