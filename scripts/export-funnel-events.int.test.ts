import { execFile } from "node:child_process";
import { captured } from "../test/support/log-capture";
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../test/support/db";
import { restCall } from "../test/support/rest-call";
import { startRestServer, type TRestServer } from "../test/support/rest-server";
import { TEST_INTERNAL_API_KEY } from "../test/support/test-env";
import { newTraceId } from "@/server/services/provisioning/ids";

const SCRIPT = path.join(import.meta.dirname, "export-funnel-events.sh");
let server: TRestServer;
let shimDir: string;

beforeAll(async () => {
  server = await startRestServer();
  // A curl on PATH that notes its arguments, then runs the real one: proves the key is never an argument.
  shimDir = mkdtempSync(path.join(tmpdir(), "embark-curl-"));
  writeFileSync(path.join(shimDir, "curl"), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${shimDir}/argv"\nexec /usr/bin/curl "$@"\n`);
  chmodSync(path.join(shimDir, "curl"), 0o755);
});
afterAll(async () => {
  await server.close();
  rmSync(shimDir, { recursive: true, force: true });
});
beforeEach(() => resetDatabase({ jobs: false }));

function run(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: `${shimDir}:${process.env.PATH}`, HOME: process.env.HOME };
  const clean = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    execFile(SCRIPT, args, { env: clean }, (err, stdout, stderr) => {
      resolve(captured("export-funnel-events")({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    });
  });
}

describe("scripts/export-funnel-events.sh", () => {
  it("writes the trace's events as JSON to stdout, oldest first, without the key on curl's command line", async () => {
    const traceId = newTraceId();
    const events = ["email", "code", "company"].map((step, i) => ({
      event_id: randomUUID(),
      name: "step_viewed",
      step,
      trace_id: traceId,
      occurred_at: new Date(Date.UTC(2026, 11, 1, 10, 0, 3 - i)).toISOString(),
    }));
    expect((await restCall("POST", "/internal/funnel-events/ingest", { body: { source: "web", events } })).body.accepted).toBe(3);

    const out = await run([traceId, "2"], { CONTROL_PLANE_URL: `${server.url}/`, CONTROL_PLANE_API_KEY: TEST_INTERNAL_API_KEY });
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const body = JSON.parse(out.stdout) as { step: string; trace_id: string }[];
    expect(body.map((e) => e.step)).toEqual(["company", "code"]);
    expect(readFileSync(path.join(shimDir, "argv"), "utf8")).not.toContain(TEST_INTERNAL_API_KEY);
  });

  it("answers [] for an unknown trace", async () => {
    const out = await run([newTraceId()], { CONTROL_PLANE_URL: server.url, CONTROL_PLANE_API_KEY: TEST_INTERNAL_API_KEY });
    expect(out).toMatchObject({ code: 0, stdout: "[]" });
  });

  it("fails with a message on stderr and nothing on stdout for a bad key", async () => {
    const out = await run([newTraceId()], { CONTROL_PLANE_URL: server.url, CONTROL_PLANE_API_KEY: "emb_wrong_key_0000000000000000000000" });
    expect(out.code).not.toBe(0);
    expect(out.stdout).toBe("");
    expect(out.stderr).toMatch(/HTTP 401/);
    expect(out.stderr).not.toContain("emb_wrong_key");
  });

  it("fails naming a missing variable or a bad argument, with nothing on stdout", async () => {
    const noKey = await run([newTraceId()], { CONTROL_PLANE_URL: server.url });
    expect(noKey).toMatchObject({ stdout: "" });
    expect(noKey.code).not.toBe(0);
    expect(noKey.stderr).toMatch(/CONTROL_PLANE_API_KEY is not set/);
    const noUrl = await run([newTraceId()], { CONTROL_PLANE_API_KEY: TEST_INTERNAL_API_KEY });
    expect(noUrl.stderr).toMatch(/CONTROL_PLANE_URL is not set/);
    expect(noUrl.stdout).toBe("");
    const badTrace = await run(["nope"], { CONTROL_PLANE_URL: server.url, CONTROL_PLANE_API_KEY: TEST_INTERNAL_API_KEY });
    expect(badTrace.code).toBe(2);
    expect(badTrace.stdout).toBe("");
    const unreachable = await run([newTraceId()], { CONTROL_PLANE_URL: "http://127.0.0.1:1", CONTROL_PLANE_API_KEY: TEST_INTERNAL_API_KEY });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stdout).toBe("");
    expect(unreachable.stderr).toMatch(/could not reach/);
  });
});
