import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOG_SCAN_REPORT, readTotals } from "./test-totals";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("readTotals", () => {
  it("sums Vitest, Playwright and the log scan, so a secret in a log fails the totals CI prints", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "totals-"));
    writeFileSync(path.join(dir, "vitest.json"), JSON.stringify({ numPassedTests: 10, numFailedTests: 1, numPendingTests: 2 }));
    writeFileSync(path.join(dir, "playwright.json"), JSON.stringify({ stats: { expected: 5, flaky: 1, unexpected: 0, skipped: 0 }, errors: [] }));
    writeFileSync(path.join(dir, LOG_SCAN_REPORT), JSON.stringify({ files: 3, secrets: 9, failures: 2 }));
    expect(readTotals(dir)).toEqual({ passed: 16, failed: 3, skipped: 2 });
  });

  it("counts nothing from reports that are missing", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "totals-"));
    expect(readTotals(dir)).toEqual({ passed: 0, failed: 0, skipped: 0 });
  });
});
