import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenantWithJob } from "../../../../test/support/provisioning-factory";
import { restCall } from "../../../../test/support/rest-call";
import { TEST_INTERNAL_API_KEY } from "../../../../test/support/test-env";
import { db } from "@/server/db";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { mintCallbackToken } from "@/server/services/provisioning/ids";

const post = (path: string, body: unknown, token: string | null = TEST_INTERNAL_API_KEY) =>
  restCall("POST", path, { body, token });

/** A tenant with a job already dispatched to a workflow run holding `token`. */
async function dispatchedJob(slug: string) {
  const { token, tokenHash } = mintCallbackToken();
  const seeded = await seedTenantWithJob(
    { slug, status: "provisioning" },
    { status: "Dispatched", dispatchMode: "github", dispatchedAt: new Date(), callbackTokenHash: tokenHash },
  );
  return { ...seeded, token };
}

beforeEach(() => resetDatabase({ jobs: false }));

describe("POST /internal/provision-complete", () => {
  it("completes the job, activates the tenant and registers the node from outputs", async () => {
    const { jobId, tenantId } = await dispatchedJob("alpha");
    const outputs = { node_id: "node-sg-x1y2z3", server_ip: "10.1.2.3", db_server_ip: "10.1.2.4", pulumi_stack: "sg" };
    const res = await post("/internal/provision-complete", { job_id: jobId, status: "Completed", outputs });
    expect(res).toEqual({ status: 200, body: { job_id: jobId, status: "Completed", changed: true } });
    expect(await db().provisionJob.findUnique({ where: { id: jobId } })).toMatchObject({ status: "Completed", outputs });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId }, include: { node: true } });
    expect(tenant).toMatchObject({ status: "active", nodeId: "node-sg-x1y2z3" });
    expect(tenant.node).toMatchObject({ serverIp: "10.1.2.3", used: 1 });
  });

  it("links a node the workflow registered before calling back, counting the tenant once", async () => {
    const { jobId, tenantId } = await dispatchedJob("beta");
    const node = await post("/internal/nodes", { node_id: "node-sg-reg001", region: "sg", server_ip: "10.9.9.9", tenant_id: tenantId });
    expect(node.status).toBe(201);
    await post("/internal/provision-complete", { job_id: jobId, status: "Completed", outputs: { node_id: "node-sg-reg001" } });
    expect(await db().node.findUniqueOrThrow({ where: { id: "node-sg-reg001" } })).toMatchObject({ used: 1 });
  });

  it("answers a repeat of the same outcome with 200 and changes nothing", async () => {
    const { jobId } = await dispatchedJob("gamma");
    await post("/internal/provision-complete", { job_id: jobId, status: "Failed", failure_stage: "ansible", message: "boom" });
    const before = await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } });
    const again = await post("/internal/provision-complete", { job_id: jobId, status: "Failed", failure_stage: "ansible", message: "boom" });
    expect(again).toEqual({ status: 200, body: { job_id: jobId, status: "Failed", changed: false } });
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).toEqual(before);
  });

  it("answers a conflicting outcome with 409 and keeps the first", async () => {
    const { jobId } = await dispatchedJob("delta");
    await post("/internal/provision-complete", { job_id: jobId, status: "Completed" });
    const conflict = await post("/internal/provision-complete", { job_id: jobId, status: "Failed", failure_stage: "dns" });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already ended Completed") });
    const otherStage = await dispatchedJob("delta2");
    await post("/internal/provision-complete", { job_id: otherStage.jobId, status: "Failed", failure_stage: "ansible" });
    expect((await post("/internal/provision-complete", { job_id: otherStage.jobId, status: "Failed", failure_stage: "zuplo_sync" })).status).toBe(409);
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("Completed");
  });

  it("answers 404 for an unknown job", async () => {
    const res = await post("/internal/provision-complete", { job_id: "job_doesnotexist00", status: "Completed" });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });

  it("answers 401 without a key or with a wrong one", async () => {
    const { jobId } = await dispatchedJob("epsilon");
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Completed" }, null)).status).toBe(401);
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Completed" }, `${TEST_INTERNAL_API_KEY}x`)).status).toBe(401);
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Completed" }, "pjt_notarealtoken")).status).toBe(401);
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("Dispatched");
  });

  it("lets a job's callback token complete that job, and refuses it (403) for another job", async () => {
    const mine = await dispatchedJob("zeta");
    const other = await dispatchedJob("eta");
    const refused = await post("/internal/provision-complete", { job_id: other.jobId, status: "Completed" }, mine.token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/another provision job/);
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: other.jobId } })).status).toBe("Dispatched");
    const ok = await post("/internal/provision-complete", { job_id: mine.jobId, status: "Completed" }, mine.token);
    expect(ok.status).toBe(200);
  });

  it("keeps a job's callback token away from everything else", async () => {
    const mine = await dispatchedJob("theta");
    const signup = await post("/v1/tenants", { company_name: "Sneaky", subdomain_slug: "sneaky" }, mine.token);
    expect(signup.status).toBe(403);
    const trace = await post("/internal/trace-events", { trace_id: "trace_abcdefgh", stage: "ansible", status: "info" }, mine.token);
    expect(trace.status).toBe(403);
  });

  it("accepts an API key with the provision:callback scope and refuses one without it", async () => {
    const { jobId } = await dispatchedJob("iota");
    const actor = { id: "admin", label: "admin@example.com" };
    const without = await createApiKey({ name: "trace only", scopes: ["trace:write"], actor });
    const withScope = await createApiKey({ name: "callback", scopes: ["provision:callback"], actor });
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Completed" }, without.key)).status).toBe(403);
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Completed" }, withScope.key)).status).toBe(200);
  });

  it("rejects a Failed outcome without failure_stage, and unknown stages, with 400", async () => {
    const { jobId } = await dispatchedJob("kappa");
    const missing = await post("/internal/provision-complete", { job_id: jobId, status: "Failed" });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error)).toContain("failure_stage");
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Failed", failure_stage: "lunch" })).status).toBe(400);
    expect((await post("/internal/provision-complete", { job_id: jobId, status: "Done" })).status).toBe(400);
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("Dispatched");
  });
});
