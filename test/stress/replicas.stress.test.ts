import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { debianPostgresBinaries } from "../support/system-postgres";
import { registerSecret } from "../support/log-capture";
import { countEndedJobs, countEndedSessions, expectEachOnboardedOnce, loadOnboarding, waitForSessionsToEnd } from "../support/provision-load";
import { restCall } from "../support/rest-call";
import { TEST_AUTH_SECRET, TEST_INTERNAL_API_KEY } from "../support/test-env";
import { seedUsers } from "../support/user-factory";
import { reloadEnv } from "@/env";
import { eventually } from "@/jobs/testing";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/server/database/embedded";
import { findFreePort } from "@/server/database/free-port";
import { db } from "@/server/db";
import { ensureProductionBuild, launchNpmStart, type TLaunched } from "@/server/launcher/testing/launch-process";

/**
 * Replicas as a deployment runs them: Debian's own Postgres server (not the
 * embedded one), two `EMBARK_ROLE=web` and two `EMBARK_ROLE=worker` processes
 * of the production build, each started by `npm start` with
 * `NODE_ENV=production`, all on that one database. 200 onboarding sessions
 * (the wizard's `POST /api/v1/onboarding`) spread over both web replicas;
 * one worker is killed (`kill -9` of its process group) mid-run. The other
 * worker ends every session within 60 s of the kill, and everything ran
 * once: every session completed with each of its steps started once, every
 * provision job Completed with each trace step once, every tenant active,
 * every node within its capacity.
 */
const ONBOARDINGS = 200;
/** The kill lands once this many provision jobs have ended, while the rest are queued or running. */
const KILL_AFTER_ENDED = 60;
const RECOVERY_MS = 60_000;
/** A production build on 2 busy cores; only when the sources changed since the last one. */
const BUILD_TIMEOUT_MS = 10 * 60_000;
/** Four production servers starting at once on 2 cores. */
const START_TIMEOUT_MS = 180_000;

let dir: string;
let postgres: TEmbeddedPostgres | undefined;
/** Every `npm start` this file spawned, killed (process group) in afterAll whatever happened. */
const spawned: ChildProcess[] = [];
const replicas: Record<"web1" | "web2" | "worker1" | "worker2", TLaunched> = {} as never;

const killGroup = (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "embark-replicas-"));
  postgres = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    binaries: debianPostgresBinaries(),
    noSync: true,
    database: "embark",
    // Four replicas, each with the app's pool and pg-boss's.
    settings: { max_connections: "200" },
  });
  // This process only reads the shared database (no job runtime of its own).
  Object.assign(process.env, { DATABASE_URL: postgres.url });
  reloadEnv();

  const licenseKey = randomBytes(32).toString("base64url");
  registerSecret("license-signing-key", licenseKey);
  const common = {
    NODE_ENV: "production",
    DATABASE_URL: postgres.url,
    INTERNAL_API_KEY: TEST_INTERNAL_API_KEY,
    AUTH_SECRET: TEST_AUTH_SECRET,
    LICENSE_SIGNING_KEY: licenseKey,
    LOG_LEVEL: "warn",
    // A short pause per stage: runs overlap (each worker runs four at once), so some are in flight when a worker dies.
    LOCAL_RUNNER_STAGE_DELAY_MS: "20",
  };
  // The build the launcher and browser tests share (made once if missing or stale).
  await ensureProductionBuild();

  const [web1, web2, worker1, worker2] = await Promise.all([0, 1, 2, 3].map(() => findFreePort()));
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const launch = (name: keyof typeof replicas, port: number, env: Record<string, string>) => {
    const dataDir = path.join(dir, name);
    mkdirSync(dataDir);
    return launchNpmStart({
      dataDir,
      port,
      env: { ...common, ...env },
      timeoutMs: START_TIMEOUT_MS,
      onSpawn: (npm) => spawned.push(npm),
    }).then((launched) => (replicas[name] = launched));
  };
  // All four at once, as an orchestrator would: they also race to apply the migrations.
  await Promise.all([
    launch("web1", web1!, { EMBARK_ROLE: "web", EMBARK_PUBLIC_URL: url(web1!) }),
    launch("web2", web2!, { EMBARK_ROLE: "web", EMBARK_PUBLIC_URL: url(web2!) }),
    // Each worker's local runner calls back through "its" web replica, as through a load balancer.
    launch("worker1", worker1!, { EMBARK_ROLE: "worker", EMBARK_PUBLIC_URL: url(web1!) }),
    launch("worker2", worker2!, { EMBARK_ROLE: "worker", EMBARK_PUBLIC_URL: url(web2!) }),
  ]);
}, BUILD_TIMEOUT_MS + START_TIMEOUT_MS + 60_000);

afterAll(async () => {
  spawned.forEach(killGroup);
  await db()
    .$disconnect()
    .catch(() => undefined);
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("two web and two worker replicas (production build) on one Debian Postgres", () => {
  it(`${ONBOARDINGS} onboarding sessions over both web replicas all complete once, though a worker is killed mid-run`, async () => {
    onTestFailed(() => {
      for (const [name, r] of Object.entries(replicas)) console.error(`--- ${name} (npm start) printed:\n${r.output().slice(-6000)}`);
    });
    const webs = [replicas.web1, replicas.web2].map((r) => `http://127.0.0.1:${r.port}`);
    const api = (i: number, method: string, p: string, body?: unknown) => restCall(method, p, { body, baseUrl: webs[i % 2] });

    // An onboarding belongs to a user who exists (the migrations ran when the replicas started).
    await seedUsers(["load-owner"]);
    // A worker serves only its health check.
    const refused = await restCall("POST", "/api/v1/onboarding", {
      body: loadOnboarding(-1, "load-owner"),
      baseUrl: `http://127.0.0.1:${replicas.worker1.port}`,
    });
    expect(refused.status).toBe(404);

    const started = await Promise.all(
      Array.from({ length: ONBOARDINGS }, (_, i) => api(i, "POST", "/api/v1/onboarding", loadOnboarding(i, "load-owner"))),
    );
    expect(started.filter((r) => r.status !== 202).slice(0, 5)).toEqual([]);
    const ids = started.map((r) => r.body.onboardingId as string);
    expect(new Set(ids).size).toBe(ONBOARDINGS);
    // A free tier's session answers with its provision job already queued.
    const jobIds = started.map((r) => r.body.jobId as string);
    expect(new Set(jobIds).size).toBe(ONBOARDINGS);
    const startedAt = Date.now();

    // Kill worker 1 while both workers are busy: it holds runs in flight.
    await eventually(async () => (await countEndedJobs(jobIds)) >= KILL_AFTER_ENDED, {
      timeoutMs: 120_000,
      what: `${KILL_AFTER_ENDED} provision jobs to end`,
    });
    const inFlight = await activeJobIds();
    const [jobsEndedAtKill, sessionsEndedAtKill] = [await countEndedJobs(jobIds), await countEndedSessions(ids)];
    expect(sessionsEndedAtKill).toBeLessThan(ONBOARDINGS);
    process.kill(-replicas.worker1.npm.pid!, "SIGKILL");
    const killedAt = Date.now();
    expect((await replicas.worker1.exited).signal).toBe("SIGKILL");
    // Steps the step runners had started and not ended: those of the dead worker run again once.
    const cutOff = await runningSteps(ids);

    await waitForSessionsToEnd(ids, RECOVERY_MS);
    const recoveredInMs = Date.now() - killedAt;
    console.info(
      `replicas: ${jobsEndedAtKill} provision jobs and ${sessionsEndedAtKill} of ${ONBOARDINGS} sessions ended at the kill ` +
        `(${killedAt - startedAt} ms after the last session started, ${cutOff.size} steps running); ` +
        `all sessions ${recoveredInMs} ms after it`,
    );

    // The kill landed mid-work: some of what was running then was the dead worker's, and ran again.
    const rerun = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY(${inFlight}::uuid[]) AND retry_count > 0`;
    expect(rerun[0]!.n).toBeGreaterThan(0);

    await expectEachOnboardedOnce(ids, (method, p) => api(0, method, p), { cutOff });
    // Every replica but the dead one is still serving.
    for (const r of [replicas.web1, replicas.web2, replicas.worker2]) {
      expect((await fetch(`http://127.0.0.1:${r.port}/api/health`)).status).toBe(200);
    }
  }, 5 * 60_000);
});

/** `<session id>:<step key>` of the steps of `ids` a step runner has started and not ended (not provision_infra: a job's). */
async function runningSteps(ids: string[]): Promise<Set<string>> {
  const steps = await db().onboardingStep.findMany({
    where: { sessionId: { in: ids }, status: "running", key: { not: "provision_infra" } },
    select: { sessionId: true, key: true },
  });
  return new Set(steps.map((s) => `${s.sessionId}:${s.key}`));
}

/** The provisioning and onboarding jobs pg-boss has handed to a worker and not seen end. */
async function activeJobIds(): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM pgboss.job
    WHERE (name LIKE 'provisioning.%' OR name = 'onboarding.advance') AND state = 'active'`;
  return rows.map((r) => r.id);
}
