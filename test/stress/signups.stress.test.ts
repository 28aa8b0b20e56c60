import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/db";
import { seedUsers } from "../support/user-factory";
import {
  expectEachOnboardedOnce,
  expectEachProvisionedOnce,
  loadOnboarding,
  loadSignup,
  waitForJobsToEnd,
  waitForSessionsToEnd,
} from "../support/provision-load";
import { restCall } from "../support/rest-call";
import { startRestServer, type TRestServer } from "../support/rest-server";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";

/**
 * 200 signups, then 200 onboarding sessions, at once against a real server (REST over HTTP on loopback, the
 * job runtime, the local runner calling back over HTTP, one Postgres): every
 * provision job ends, every session completes with each of its steps started
 * once, and every trace holds each step exactly once — nothing lost, nothing
 * done twice.
 */
const SIGNUPS = 200;

let server: TRestServer;
const api = (method: string, path: string, body?: unknown) => restCall(method, path, { body, baseUrl: server.url });

beforeAll(async () => {
  server = await startRestServer();
  await startJobRuntime({ role: "all" });
  await resetDatabase();
});
afterAll(async () => {
  await stopJobRuntime();
  await server.close();
});

describe(`${SIGNUPS} signups at once`, () => {
  it("each reaches a terminal state with a complete trace, each step once", async () => {
    const created = await Promise.all(Array.from({ length: SIGNUPS }, (_, i) => api("POST", "/v1/tenants", loadSignup(i))));
    expect(created.map((c) => c.status)).toEqual(created.map(() => 202));
    const jobIds = created.map((c) => c.body.job_id as string);
    expect(new Set(jobIds).size).toBe(SIGNUPS);

    await waitForJobsToEnd(jobIds, 15 * 60_000);
    await expectEachProvisionedOnce(
      created.map((c) => c.body),
      (traceId) => api("GET", `/internal/trace/${traceId}`),
    );
  }, 20 * 60_000);
});

const ONBOARDINGS = 200;

describe(`${ONBOARDINGS} onboarding sessions at once`, () => {
  it("each completes every step, with its provision job completed once and its trace whole", async () => {
    await seedUsers(["load-owner"]);
    const started = await Promise.all(
      Array.from({ length: ONBOARDINGS }, (_, i) => api("POST", "/api/v1/onboarding", loadOnboarding(i, "load-owner"))),
    );
    expect(started.map((r) => r.status)).toEqual(started.map(() => 202));
    const ids = started.map((r) => r.body.onboardingId as string);
    expect(new Set(ids).size).toBe(ONBOARDINGS);

    await waitForSessionsToEnd(ids, 15 * 60_000);
    await expectEachOnboardedOnce(ids, api);
  }, 20 * 60_000);
});
