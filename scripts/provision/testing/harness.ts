import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { captureChildOutput } from "../../../test/support/log-capture";

export const provisionDir = path.resolve(import.meta.dirname, "..");
const stubCli = path.join(import.meta.dirname, "stub-cli.mjs");

export const EMBARK_URL = "https://embark.test";
export const EMBARK_API_KEY = "ek_test_scoped_key";

/** One call to a stub CLI, as stub-cli.mjs logs it. */
export type TStubCall = {
  tool: "curl" | "pulumi" | "ansible-playbook";
  argv: string[];
  cwd: string;
  method?: string;
  url?: string;
  headers?: string[];
  body?: string;
  json?: Record<string, unknown>;
  extraVars?: Record<string, unknown>;
  keyFile?: string;
  keyFileMode?: number;
  hostKeyChecking?: string;
  tokens?: { pulumi: boolean; hcloud: boolean };
};

export type TCurlRule = { method?: string; url: string; status?: number; body?: unknown };

export type TRun = {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  calls: TStubCall[];
};

let binDir: string | undefined;

/** A directory of wrappers that run stub-cli.mjs under the names of the real tools. */
function stubBin(): string {
  if (binDir) return binDir;
  binDir = mkdtempSync(path.join(os.tmpdir(), "provision-stubs-"));
  for (const tool of ["curl", "pulumi", "ansible-playbook"]) {
    const file = path.join(binDir, tool);
    writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${stubCli}" ${tool} "$@"\n`);
    chmodSync(file, 0o755);
  }
  return binDir;
}

export function tempDir(prefix = "provision-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A directory that looks like a checked-out Pulumi project or Ansible repo. */
export function projectDir(file: "Pulumi.yaml" | "playbook.yml"): string {
  const dir = tempDir("provision-project-");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), "# test fixture\n");
  return dir;
}

export type TRunOptions = {
  curl?: TCurlRule[];
  /** Raw extra environment for the stubs (STUB_PULUMI_FAIL, ...). */
  stubs?: Record<string, string>;
};

/**
 * Runs scripts/provision/<script> with bash and exactly `env` (plus PATH with
 * the stubs first, the log and output files): nothing leaks in from the
 * environment the tests run in.
 */
export function runScript(script: string, env: Record<string, string>, opts: TRunOptions = {}): TRun {
  const dir = tempDir();
  const log = path.join(dir, "calls.jsonl");
  const outputFile = path.join(dir, "github_output");
  writeFileSync(outputFile, "");
  const res = spawnSync("bash", [path.join(provisionDir, script)], {
    cwd: dir,
    encoding: "utf8",
    // Not a pipe: bash reads ~/.bashrc when its stdin is a socket, as Node's pipes are.
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 30_000,
    env: {
      PATH: [stubBin(), path.dirname(process.execPath), process.env.PATH ?? "/usr/bin:/bin"].join(path.delimiter),
      HOME: dir,
      STUB_LOG: log,
      GITHUB_OUTPUT: outputFile,
      STUB_CURL_RULES: JSON.stringify(opts.curl ?? []),
      ...opts.stubs,
      ...env,
    } as unknown as NodeJS.ProcessEnv,
  });
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(outputFile, "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const calls = existsSync(log)
    ? readFileSync(log, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as TStubCall)
    : [];
  captureChildOutput(`provision-${script}`, res.stdout, res.stderr);
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr, outputs, calls };
}

/** Runs a bash snippet with lib.sh sourced; for the helpers themselves. */
export function runLib(snippet: string, env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const res = spawnSync("bash", ["-c", `set -euo pipefail; source "${path.join(provisionDir, "lib.sh")}"; ${snippet}`], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 30_000,
    env: { PATH: [path.dirname(process.execPath), process.env.PATH ?? "/usr/bin:/bin"].join(path.delimiter), ...env } as unknown as NodeJS.ProcessEnv,
  });
  captureChildOutput("provision-lib", res.stdout, res.stderr);
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

export const curlCalls = (run: TRun) => run.calls.filter((c) => c.tool === "curl");
export const traceEvents = (run: TRun) =>
  curlCalls(run)
    .filter((c) => c.url === `${EMBARK_URL}/internal/trace-events`)
    .map((c) => c.json as Record<string, unknown>);
export const toolCalls = (run: TRun, tool: TStubCall["tool"]) => run.calls.filter((c) => c.tool === tool);
