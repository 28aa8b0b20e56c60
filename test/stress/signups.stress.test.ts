import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/db";
import { expectEachProvisionedOnce, loadSignup, waitForJobsToEnd } from "../support/provision-load";
import { restCall } from "../support/rest-call";
import { startRestServer, type TRestServer } from "../support/rest-server";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";

/**
 * 200 signups at once against a real server (REST over HTTP on loopback, the
 * job runtime, the local runner calling back over HTTP, one Postgres): every
 * provision job ends, and every trace holds each step exactly once — nothing
 * lost, nothing done twice.
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
