import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenant, seedTenantWithJob } from "../../../../test/support/provisioning-factory";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { TEST_INTERNAL_API_KEY } from "../../../../test/support/test-env";
import { db } from "@/server/db";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { newTraceId } from "@/server/services/provisioning/ids";

const call = (method: string, path: string, body?: unknown, token = TEST_INTERNAL_API_KEY) =>
  restCall(method, path, { body, token });

beforeEach(() => resetDatabase({ jobs: false }));

describe("POST /internal/nodes and GET /internal/nodes/{node_id}", () => {
  it("generates node-<region>-<random> when no id is given, and reads it back", async () => {
    const created = await call("POST", "/internal/nodes", { region: "us", server_ip: "203.0.113.7", capacity: 20 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ node_id: expect.stringMatching(/^node-us-[a-z0-9]{6}$/), capacity: 20, used: 0, status: "active" });
    const read = await call("GET", `/internal/nodes/${created.body.node_id}`);
    expect(read).toMatchObject({ status: 200, body: { node_id: created.body.node_id, server_ip: "203.0.113.7" } });
  });

  it("updates a known id instead of registering it twice", async () => {
    await call("POST", "/internal/nodes", { node_id: "node-sg-same01", region: "sg", server_ip: "10.0.0.1" });
    const again = await call("POST", "/internal/nodes", { node_id: "node-sg-same01", region: "sg", server_ip: "10.0.0.2" });
    expect(again.status).toBe(201);
    expect(await db().node.count()).toBe(1);
    expect(again.body.server_ip).toBe("10.0.0.2");
  });

  it("places the named tenant on the node once, and refuses a full node", async () => {
    const tenantId = await seedTenant({ slug: "placed", plan: "scale" });
    const body = { node_id: "node-sg-ded001", region: "sg", dedicated: true, tenant_id: tenantId };
    expect((await call("POST", "/internal/nodes", body)).body).toMatchObject({ capacity: 1, used: 1, dedicated: true });
    expect((await call("POST", "/internal/nodes", body)).body.used).toBe(1);
    const other = await seedTenant({ slug: "other", plan: "scale" });
    const full = await call("POST", "/internal/nodes", { ...body, tenant_id: other });
    expect(full.status).toBe(409);
  });

  it("validates the body and answers 404 for an unknown node", async () => {
    expect((await call("POST", "/internal/nodes", { region: "mars" })).status).toBe(400);
    expect((await call("POST", "/internal/nodes", { node_id: "server-1", region: "sg" })).status).toBe(400);
    expect((await call("POST", "/internal/nodes", { node_id: "node-us-abc123", region: "sg" })).status).toBe(400);
    expect((await call("GET", "/internal/nodes/node-sg-nope00")).status).toBe(404);
  });

  it("needs the nodes scopes", async () => {
    const actor = { id: "admin", label: "admin@example.com" };
    const reader = await createApiKey({ name: "reader", scopes: ["nodes:read"], actor });
    expect((await call("POST", "/internal/nodes", { region: "sg" }, reader.key)).status).toBe(403);
    expect((await call("GET", "/internal/nodes/node-sg-nope00", undefined, reader.key)).status).toBe(404);
  });
});

describe("node counters under concurrent registration", () => {
  /** The invariant: every node's `used` is the number of tenants placed on it. */
  async function expectUsedToCountTenants() {
    const nodes = await db().node.findMany({ select: { id: true, used: true, _count: { select: { tenants: true } } } });
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect({ node: node.id, used: node.used }).toEqual({ node: node.id, used: node._count.tenants });
  }

  it("moves one tenant through ten concurrent registrations of new nodes and counts it once", async () => {
    await db().node.create({ data: { id: "node-sg-home01", region: "sg", capacity: 5, used: 1 } });
    const tenantId = await seedTenant({ slug: "mover" });
    await db().tenant.update({ where: { id: tenantId }, data: { nodeId: "node-sg-home01" } });

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call("POST", "/internal/nodes", { node_id: `node-sg-move${i}x`, region: "sg", tenant_id: tenantId }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    await expectUsedToCountTenants();
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { nodeId: true } });
    expect(tenant.nodeId).toMatch(/^node-sg-move\dx$/);
    expect(await db().node.aggregate({ _sum: { used: true } })).toEqual({ _sum: { used: 1 } });
    expect(await db().node.count()).toBe(11);
  });

  it("answers ten concurrent registrations of one new id as one node, each placing its tenant", async () => {
    const tenants = await Promise.all(Array.from({ length: 10 }, (_, i) => seedTenant({ slug: `same-id-${i}` })));
    const answers = await Promise.all(
      tenants.map((tenantId, i) =>
        call("POST", "/internal/nodes", { node_id: "node-eu-same01", region: "eu", server_ip: `10.0.0.${i + 1}`, tenant_id: tenantId }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(await db().node.count()).toBe(1);
    const node = await db().node.findUniqueOrThrow({ where: { id: "node-eu-same01" } });
    expect(node).toMatchObject({ used: 10, region: "eu" });
    expect(tenants.map((_, i) => `10.0.0.${i + 1}`)).toContain(node.serverIp);
    await expectUsedToCountTenants();
  });

  it("answers ten concurrent plain registrations of one new id without an error", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call("POST", "/internal/nodes", { node_id: "node-us-plain1", region: "us", capacity: 10 + i })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(await db().node.count()).toBe(1);
  });
});

describe("trace events", () => {
  it("takes one event or a batch and lists a trace oldest first", async () => {
    const traceId = newTraceId();
    const one = await call("POST", "/internal/trace-events", {
      trace_id: traceId,
      stage: "ansible",
      status: "started",
      occurred_at: "2026-11-23T10:00:02Z",
      source: "github-actions",
    });
    expect(one).toEqual({ status: 202, body: { accepted: 1 } });
    const batch = await call("POST", "/internal/trace-events", {
      events: [
        { trace_id: traceId, stage: "resolve_target", status: "succeeded", occurred_at: "2026-11-23T10:00:00Z" },
        { trace_id: traceId, stage: "ansible", status: "succeeded", message: "ok", occurred_at: "2026-11-23T10:00:05Z", data: { host: "10.0.0.1" } },
      ],
    });
    expect(batch.body.accepted).toBe(2);
    const trace = await call("GET", `/internal/trace/${traceId}`);
    expect(trace.status).toBe(200);
    expect(trace.body.events.map((e: TJsonBody) => `${e.stage}:${e.status}`)).toEqual([
      "resolve_target:succeeded",
      "ansible:started",
      "ansible:succeeded",
    ]);
    expect(trace.body.events[2]).toMatchObject({ message: "ok", data: { host: "10.0.0.1" } });
  });

  it("keeps the order of arrival for events of the same instant", async () => {
    const traceId = newTraceId();
    const at = "2026-11-23T10:00:00Z";
    const stages = ["a1", "a2", "a3", "a4", "a5"];
    await call("POST", "/internal/trace-events", { events: stages.map((stage) => ({ trace_id: traceId, stage, status: "info", occurred_at: at })) });
    expect((await call("GET", `/internal/trace/${traceId}`)).body.events.map((e: TJsonBody) => e.stage)).toEqual(stages);
  });

  it("moves a dispatched job to Running on its workflow's first event", async () => {
    const { jobId, traceId } = await seedTenantWithJob(
      { slug: "runs" },
      { status: "Dispatched", dispatchMode: "github", dispatchedAt: new Date() },
    );
    await call("POST", "/internal/trace-events", { trace_id: traceId, job_id: jobId, stage: "resolve_target", status: "started", source: "github-actions" });
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "Running", startedAt: expect.any(Date) });
  });

  it("learns the run of a job GitHub accepted without run details from the run's own events", async () => {
    const { jobId, traceId } = await seedTenantWithJob(
      { slug: "quiet" },
      { status: "Dispatched", dispatchMode: "github", dispatchedAt: new Date() },
    );
    const runUrl = "https://github.com/acme/infra/actions/runs/987654";
    await call("POST", "/internal/trace-events", { trace_id: traceId, job_id: jobId, stage: "resolve_target", status: "started", source: "github-actions", data: { run_url: runUrl } });
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ dispatchRunUrl: runUrl, dispatchRunId: "987654" });
    // A later event cannot overwrite it.
    await call("POST", "/internal/trace-events", { trace_id: traceId, job_id: jobId, stage: "ansible", status: "started", source: "github-actions", data: { run_url: "https://github.com/evil/x/actions/runs/1" } });
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).dispatchRunUrl).toBe(runUrl);
  });

  it("rejects malformed events with 400 and stores none of the batch", async () => {
    const traceId = newTraceId();
    expect((await call("POST", "/internal/trace-events", { trace_id: "nope", stage: "x", status: "info" })).status).toBe(400);
    expect((await call("POST", "/internal/trace-events", { trace_id: traceId, stage: "x", status: "exploded" })).status).toBe(400);
    expect((await call("POST", "/internal/trace-events", { trace_id: traceId })).status).toBe(400);
    expect((await call("POST", "/internal/trace-events", { events: [] })).status).toBe(400);
    const mixed = await call("POST", "/internal/trace-events", {
      events: [
        { trace_id: traceId, stage: "ok", status: "info" },
        { trace_id: traceId, stage: "Bad Stage", status: "info" },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(await db().traceEvent.count()).toBe(0);
    expect((await call("GET", `/internal/trace/${traceId}`)).status).toBe(404);
  });
});
