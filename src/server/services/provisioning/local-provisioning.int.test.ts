import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { startRestServer, type TRestServer } from "../../../../test/support/rest-server";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { PROVISION_STAGES } from "./provision-queue-message";

let server: TRestServer;

const api = (method: string, path: string, body?: unknown) => restCall(method, path, { body, baseUrl: server.url });

const finished = (jobId: string) =>
  eventually(
    async () => {
      const job = await db().provisionJob.findUnique({ where: { id: jobId } });
      return job && (job.status === "Completed" || job.status === "Failed") ? job : null;
    },
    { what: `provision job ${jobId} to finish`, timeoutMs: 20_000 },
  );

beforeAll(async () => {
  server = await startRestServer();
  await startJobRuntime({ role: "all" });
});
afterAll(async () => {
  await stopJobRuntime();
  await server.close();
});
beforeEach(() => resetDatabase());

describe("provisioning through the local runner", () => {
  it("takes a signup from 202 to Completed, with every stage traced in order", async () => {
    const created = await api("POST", "/v1/tenants", { company_name: "Acme Corp", subdomain_slug: "acme" });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: "Pending", job_id: expect.stringMatching(/^job_/), trace_id: expect.stringMatching(/^trace_/) });

    const job = await finished(created.body.job_id);
    expect(job.status).toBe("Completed");
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: created.body.tenant_id } });
    expect(tenant).toMatchObject({ status: "active", region: "sg", plan: "starter", canonicalHostname: "acme.tenants.embark.localhost" });
    // No node existed, so the run created and registered one and the tenant sits on it.
    expect(tenant.nodeId).toMatch(/^node-sg-[a-z0-9]{6}$/);
    const node = await db().node.findUniqueOrThrow({ where: { id: tenant.nodeId! } });
    expect(node.used).toBe(1);

    const trace = await api("GET", `/internal/trace/${created.body.trace_id}`);
    expect(trace.status).toBe(200);
    const runnerStages = trace.body.events
      .filter((e: TJsonBody) => e.source === "local-runner" && e.status !== "started")
      .map((e: TJsonBody) => e.stage);
    expect(runnerStages).toEqual(PROVISION_STAGES.filter((s) => s !== "callback"));
    const embarkSteps = trace.body.events.filter((e: TJsonBody) => e.source === "embark").map((e: TJsonBody) => e.stage);
    expect(embarkSteps).toEqual(["placement", "dispatch", "callback"]);

    const detail = await api("GET", `/v1/jobs/${created.body.job_id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.stages.map((s: TJsonBody) => [s.name, s.state])).toEqual(PROVISION_STAGES.map((s) => [s, "succeeded"]));
  });

  it("places a second signup on the node the first one created", async () => {
    const first = await api("POST", "/v1/tenants", { company_name: "One", subdomain_slug: "one-co" });
    await finished(first.body.job_id);
    const second = await api("POST", "/v1/tenants", { company_name: "Two", subdomain_slug: "two-co" });
    const job = await finished(second.body.job_id);
    expect(job).toMatchObject({ status: "Completed", infraMode: "use_existing" });
    const tenants = await db().tenant.findMany({ select: { nodeId: true } });
    expect(new Set(tenants.map((t) => t.nodeId)).size).toBe(1);
    const detail = await api("GET", `/v1/jobs/${second.body.job_id}`);
    expect(Object.fromEntries(detail.body.stages.map((s: TJsonBody) => [s.name, s.state]))).toMatchObject({
      pulumi_up: "skipped",
      register_node: "skipped",
      ansible: "succeeded",
    });
  });

  it("fails at the simulated stage, and an operator retry completes on the same tenant and trace", async () => {
    const created = await api("POST", "/v1/tenants", {
      company_name: "Flaky Ltd",
      subdomain_slug: "flaky",
      simulate_failure_stage: "ansible",
    });
    const failed = await finished(created.body.job_id);
    expect(failed).toMatchObject({ status: "Failed", failureStage: "ansible" });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: created.body.tenant_id } })).status).toBe("failed");
    const detail = await api("GET", `/v1/jobs/${created.body.job_id}`);
    expect(Object.fromEntries(detail.body.stages.map((s: TJsonBody) => [s.name, s.state]))).toMatchObject({
      register_node: "succeeded",
      ansible: "failed",
      zuplo_sync: "skipped",
      dns: "skipped",
      callback: "succeeded",
    });

    const { retryProvisionJob } = await import("./retry-provision-job");
    const retry = await retryProvisionJob({ jobId: created.body.job_id, actor: { id: "op-1", label: "op@example.com" } });
    expect(retry).toMatchObject({ attempt: 2, retry_of_job_id: created.body.job_id, trace_id: created.body.trace_id });
    const second = await finished(retry.job_id);
    expect(second.status).toBe("Completed");
    // The node registered by the failed attempt is kept: the retry targets it,
    // and the run reports it like the workflow would.
    expect(second.infraMode).toBe("use_existing");
    expect(second.outputs).toMatchObject({ node_id: second.targetServerId, server_ip: expect.stringMatching(/^10\./) });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: created.body.tenant_id } });
    expect(tenant.status).toBe("active");
    expect(await db().node.count()).toBe(1);
    const trace = await api("GET", `/internal/trace/${created.body.trace_id}`);
    const jobsInTrace = new Set(trace.body.events.map((e: TJsonBody) => e.job_id));
    expect(jobsInTrace).toEqual(new Set([created.body.job_id, retry.job_id]));
    expect(await db().auditLog.count({ where: { action: "provisionJob.retry", targetId: created.body.job_id } })).toBe(1);
  });

  it("fails the job at stage callback when the runner cannot reach Embark on its last attempt", async () => {
    // Send-only, so the run is driven by hand, against an address nothing listens on.
    await stopJobRuntime();
    await startJobRuntime({ role: "web" });
    try {
      const stray = await api("POST", "/v1/tenants", { company_name: "Stray Co", subdomain_slug: "stray-co" });
      const { dispatchProvisionJob } = await import("./dispatch-provision-job");
      const { runLocalProvisionJob } = await import("./run-local-provision-job");
      await dispatchProvisionJob({ jobId: stray.body.job_id, attempt: { isLastAttempt: false } });
      const nowhere = "http://127.0.0.1:9";
      await expect(runLocalProvisionJob({ jobId: stray.body.job_id, baseUrl: nowhere })).rejects.toThrow();
      expect((await db().provisionJob.findUniqueOrThrow({ where: { id: stray.body.job_id } })).status).toBe("Dispatched");
      await runLocalProvisionJob({ jobId: stray.body.job_id, baseUrl: nowhere, isLastAttempt: true });
      const job = await db().provisionJob.findUniqueOrThrow({ where: { id: stray.body.job_id } });
      expect(job).toMatchObject({ status: "Failed", failureStage: "callback" });
      expect(job.message).toContain(nowhere);
    } finally {
      await stopJobRuntime();
      await startJobRuntime({ role: "all" });
    }
  });

  it("gives a scale tenant a dedicated node of its own", async () => {
    const created = await api("POST", "/v1/tenants", { company_name: "Big Co", subdomain_slug: "bigco", plan: "scale", region: "eu" });
    const job = await finished(created.body.job_id);
    expect(job).toMatchObject({ status: "Completed", dedicated: 1, infraMode: "create_new_server", region: "eu" });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: created.body.tenant_id }, include: { node: true } });
    expect(tenant.node).toMatchObject({ dedicated: true, capacity: 1, used: 1, region: "eu" });
    expect(job.outputs).toMatchObject({ pulumi_stack: `dedicated-${created.body.tenant_id}` });
  });
});
