import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/db";
import { restCall, type TJsonBody } from "../support/rest-call";
import { startRestServer, type TRestServer } from "../support/rest-server";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { PROVISION_STAGES } from "@/server/services/provisioning/provision-queue-message";

/**
 * 200 signups at once against a real server (REST over HTTP on loopback, the
 * job runtime, the local runner calling back over HTTP, one Postgres): every
 * provision job ends, and every trace holds each step exactly once — nothing
 * lost, nothing done twice.
 */
const SIGNUPS = 200;
const TERMINAL = ["Completed", "Failed"];

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
    const created = await Promise.all(
      Array.from({ length: SIGNUPS }, (_, i) => api("POST", "/v1/tenants", { company_name: `Load ${i} Corp`, subdomain_slug: `load-${i}` })),
    );
    expect(created.map((c) => c.status)).toEqual(created.map(() => 202));
    const jobIds = created.map((c) => c.body.job_id as string);
    expect(new Set(jobIds).size).toBe(SIGNUPS);

    await eventually(
      async () => (await db().provisionJob.count({ where: { id: { in: jobIds }, status: { in: TERMINAL } } })) === SIGNUPS,
      { what: `all ${SIGNUPS} provision jobs to end`, timeoutMs: 15 * 60_000 },
    );
    const jobs = await db().provisionJob.findMany({ where: { id: { in: jobIds } } });
    // Shared nodes have room for every tenant (new ones are created as they fill): nothing fails.
    expect(jobs.filter((j) => j.status !== "Completed").map((j) => [j.id, j.status])).toEqual([]);

    const runnerStages = PROVISION_STAGES.filter((s) => s !== "callback");
    for (const c of created) {
      const trace = await api("GET", `/internal/trace/${c.body.trace_id}`);
      expect(trace.status).toBe(200);
      const events = trace.body.events as TJsonBody[];
      const finished = events.filter((e) => e.source === "local-runner" && e.status !== "started").map((e) => e.stage);
      expect(finished, `trace ${c.body.trace_id}`).toEqual(runnerStages);
      const embark = events.filter((e) => e.source === "embark").map((e) => e.stage);
      expect(embark, `trace ${c.body.trace_id}`).toEqual(["placement", "dispatch", "callback"]);
    }

    // Placement under contention: every tenant active on a node, no node over its capacity, counts match.
    const tenants = await db().tenant.findMany({ where: { id: { in: created.map((c) => c.body.tenant_id as string) } } });
    expect(tenants.filter((t) => t.status !== "active" || !t.nodeId)).toEqual([]);
    const nodes = await db().node.findMany();
    for (const node of nodes) {
      expect(node.used).toBeLessThanOrEqual(node.capacity);
      expect(node.used).toBe(tenants.filter((t) => t.nodeId === node.id).length);
    }
  }, 20 * 60_000);
});
