import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { minimumFromEngines, nodeVersionProblem } from "./node-version.mjs";
import pkg from "../package.json" with { type: "json" };

const root = path.resolve(import.meta.dirname, "..");

describe("the Node.js version check", () => {
  it("reads the minimum from package.json's engines", () => {
    expect(minimumFromEngines(pkg.engines.node)).toBe("22.12.0");
    expect(() => minimumFromEngines("^22")).toThrow(/engines.node/);
  });

  it("rejects older versions, naming what to install, and accepts the minimum and newer", () => {
    for (const old of ["20.20.2", "v22.11.9", "18.0.0", "22.9.0"]) {
      expect(nodeVersionProblem(old, "22.12.0")).toMatch(/needs Node.js 22.12.0 or newer; this is Node.js .*Install the current LTS \(Node.js 24\)/s);
    }
    for (const ok of ["22.12.0", "v22.12.1", "23.0.0", "24.4.0"]) expect(nodeVersionProblem(ok, "22.12.0")).toBeNull();
  });

  // The machine's system Node, when it is too old, is the real thing to try.
  const oldNode = ["/usr/bin/node", "/usr/local/bin/node"].find((bin) => existsSync(bin));
  it.runIf(oldNode)("`npm start`'s first step stops an old Node before any key or database exists", async () => {
    const { stdout } = await promisify(execFile)(oldNode!, ["--version"]);
    if (nodeVersionProblem(stdout.trim(), "22.12.0") === null) return; // this machine's system Node is new enough
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "embark-old-node-"));
    const run = await promisify(execFile)(oldNode!, [path.join(root, "scripts/launch.mjs"), "start"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", EMBARK_DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`this is Node.js ${stdout.trim().replace(/^v/, "")}`);
    expect(run.stderr).toMatch(/Install the current LTS \(Node.js 24\)/);
    expect(run.stderr).not.toMatch(/wasm|Unknown file extension/);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
