import { execFile } from "node:child_process";
import { captured } from "../test/support/log-capture";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

/** Runs `npm start`'s launcher with exactly `env` (plus PATH), from an empty folder's point of view for data. */
async function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "embark-launch-"));
  try {
    await run(process.execPath, [path.join(root, "scripts/launch.mjs"), "start"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", EMBARK_DATA_DIR: dataDir, ...env } as unknown as NodeJS.ProcessEnv,
      timeout: 30_000,
    });
    return { code: 0, stderr: "" };
  } catch (e) {
    const err = captured("launch")(e as { code?: number; stderr?: string; stdout?: string });
    return { code: typeof err.code === "number" ? err.code : -1, stderr: err.stderr ?? "" };
  }
}

const strong = {
  NODE_ENV: "production",
  EMBARK_PUBLIC_URL: "https://embark.example.com",
  INTERNAL_API_KEY: "k3Jq9vXw2LmPz8RtYb4NcD7fGh1SaE6U",
  AUTH_SECRET: "Zx8Vb2Nm4Qw6Er9Ty1Ui3Op5As7Df0Gh",
  DATABASE_URL: "postgresql://u:p@127.0.0.1:1/embark",
};

describe("production start", () => {
  it("exits non-zero naming DATABASE_URL when it is missing", async () => {
    const r = await start({ ...strong, DATABASE_URL: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: DATABASE_URL is required/);
  }, 40_000);

  it("exits non-zero naming a short INTERNAL_API_KEY", async () => {
    const r = await start({ ...strong, INTERNAL_API_KEY: "too-short" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/INTERNAL_API_KEY: INTERNAL_API_KEY must be at least 32 characters/);
    expect(r.stderr).not.toContain("too-short");
  }, 40_000);
});
