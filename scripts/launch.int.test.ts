import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, isPortTaken } from "@/server/database/free-port";
import { isProcessAlive } from "@/server/database/process-liveness";
import { processStat, processTree } from "@/server/launcher/process-tree";
import { embeddedPostgresPid, ensureProductionBuild, launchNpmStart, type TLaunched } from "@/server/launcher/testing/launch-process";

// One data dir for the whole file: the first start creates it (and the first
// operator), the later ones reuse it. The tests run in order.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "embark-launch-"));
let running: TLaunched | undefined;

// A fresh checkout has no production build yet: make it once, outside the tests' timeouts.
beforeAll(() => ensureProductionBuild(), 20 * 60_000);

afterAll(async () => {
  // Only on a failed test: leave no server behind.
  if (running?.npm.exitCode === null) process.kill(-running.npm.pid!, "SIGKILL");
  const pg = embeddedPostgresPid(dataDir);
  if (pg && (await isProcessAlive(pg))) process.kill(pg, "SIGINT");
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `npm start`, stops it with `signal` sent to `target`, and checks that nothing is left. */
async function startAndStop(target: "group" | "npm", signal: NodeJS.Signals) {
  const port = await findFreePort();
  const postgresLogFile = path.join(dataDir, "pg", "postgres.log");
  const postgresLogFrom = existsSync(postgresLogFile) ? statSync(postgresLogFile).size : 0;
  running = await launchNpmStart({ dataDir, port });
  const { npm } = running;
  const tree = processTree(npm.pid!);
  const postgres = embeddedPostgresPid(dataDir)!;
  expect(postgres).toBeGreaterThan(0);
  // Postgres runs in its own process group, so Ctrl-C in a terminal does not reach it.
  expect(processStat(postgres)?.pgrp).not.toBe(npm.pid);
  expect(tree).not.toContain(postgres);

  process.kill(target === "group" ? -npm.pid! : npm.pid!, signal);
  const exit = await running.exited;
  const output = running.output();

  expect(exit).toEqual({ code: 0, signal: null });
  expect(output).toMatch(/"msg":"shutdown complete"/);
  expect(output).toMatch(/"exitCode":0/);
  expect(output).toContain("[embark] embedded Postgres stopped");
  for (const pid of [...tree, postgres]) expect(await isProcessAlive(pid), `pid ${pid} still runs`).toBe(false);
  expect(await isPortTaken(port)).toBe(false);
  // Postgres went down after the app had closed its connections.
  const postgresLog = readFileSync(postgresLogFile).subarray(postgresLogFrom).toString("utf8");
  for (const text of [output, postgresLog]) expect(text).not.toContain("terminating connection due to administrator command");
  expect(postgresLog).toMatch(/database system is shut down\s*$/);
  return output;
}

describe("npm start: stopping", () => {
  it("Ctrl-C (SIGINT to the process group) drains the app, then stops Postgres; the first operator is shown last", async () => {
    const output = await startAndStop("group", "SIGINT");
    const frame = output.indexOf("┏");
    expect(frame).toBeGreaterThan(output.indexOf("Ready in"));
    expect(frame).toBeGreaterThan(output.indexOf("[embark] serving"));
    const block = output.slice(frame, output.indexOf("┛") + 1);
    expect(block).toMatch(/Created the first operator/);
    expect(block).toMatch(/┃ {3}email {5}admin@embark\.localhost/);
    expect(block).toMatch(/┃ {3}password {2}\S{12,}/);
    expect(block).toMatch(/Generated INTERNAL_API_KEY/);
    // The password appears in the framed block only.
    const password = /password {2}(\S+)/.exec(block)![1]!;
    expect(output.split(password).length).toBe(2);
  }, 300_000);

  it("SIGTERM to the npm process stops everything, and a restart shows no password again", async () => {
    const output = await startAndStop("npm", "SIGTERM");
    expect(output.slice(output.lastIndexOf("> embark@"))).not.toContain("password");
  }, 300_000);

  it("SIGINT to the npm process alone stops everything too", async () => {
    await startAndStop("npm", "SIGINT");
  }, 300_000);
});
