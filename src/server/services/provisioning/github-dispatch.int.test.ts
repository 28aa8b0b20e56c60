import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { operatorCaller } from "../../../../test/support/operator-caller";
import { captureChildStream } from "../../../../test/support/log-capture";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { startFakeGithub, type TFakeGithub } from "@/server/integrations/github/github-test-server";
import { createWorkflowClient } from "@/server/integrations/github/workflow-client";
import { createTenant } from "@/server/services/tenants/create-tenant";
import { listTrace } from "@/server/services/trace/list-trace";
import { dispatchProvisionJob } from "./dispatch-provision-job";
import { hashCallbackToken } from "./ids";
import { PROVISION_QUEUE_MESSAGE_FIELDS, WORKFLOW_EXTRA_INPUTS } from "./provision-queue-message";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..", "..");
const DISPATCH_PATH = "/repos/acme/infra/actions/workflows/provision-tenant.yml/dispatches";
const TOKEN = "ghp_testtoken000000000000000000000000";

let github: TFakeGithub;
let slugCounter = 0;

/** A signup whose job waits for dispatch (the runtime is send-only unless a test starts workers). */
async function signup(plan: "starter" | "scale" = "starter") {
  slugCounter += 1;
  return createTenant({
    input: { company_name: `Company ${slugCounter}`, subdomain_slug: `company-${slugCounter}`, plan },
    callerScope: "internal",
  });
}

/** The real Octokit client against the fake GitHub, with test-sized delays. */
const fastClient = (requestTimeoutMs = 5_000) =>
  createWorkflowClient({
    token: TOKEN,
    apiBaseUrl: github.url,
    owner: "acme",
    repo: "infra",
    workflowId: "provision-tenant.yml",
    ref: "main",
    requestTimeoutMs,
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
  });

const jobRow = (id: string) => db().provisionJob.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  github = await startFakeGithub({ token: TOKEN, hangMs: 60_000 });
  Object.assign(process.env, {
    GITHUB_TOKEN: TOKEN,
    GITHUB_WORKFLOW_DISPATCH_URL: `${github.url}${DISPATCH_PATH}`,
    GITHUB_WORKFLOW_REF: "main",
  });
  reloadEnv();
  await startJobRuntime({ role: "web" });
});
afterAll(async () => {
  await stopJobRuntime();
  await github.close();
});
beforeEach(async () => {
  await resetDatabase();
  github.requests.length = 0;
  github.dispatches.length = 0;
  github.setRunDetails(true);
});

describe("dispatch to GitHub Actions", () => {
  it("sends workflow_dispatch with the ref and every input as a string, and records the run", async () => {
    const created = await signup("scale");
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false } });

    const calls = github.requests.filter((r) => r.method === "POST");
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.path).toBe(DISPATCH_PATH);
    expect(call!.headers.authorization).toBe(`token ${TOKEN}`);
    const body = call!.body as { ref: string; inputs: Record<string, unknown>; return_run_details: boolean };
    expect(body.ref).toBe("main");
    expect(body.return_run_details).toBe(true);
    expect(Object.keys(body.inputs).sort()).toEqual([...PROVISION_QUEUE_MESSAGE_FIELDS, ...WORKFLOW_EXTRA_INPUTS].sort());
    for (const value of Object.values(body.inputs)) expect(typeof value).toBe("string");
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: created.tenant_id } });
    expect(body.inputs).toMatchObject({
      job_id: created.job_id,
      tenant_id: created.tenant_id,
      region: "sg",
      create_new_server: "true",
      target_server_id: "",
      subdomain_slug: tenant.slug,
      canonical_hostname: tenant.canonicalHostname,
      dedicated: "true",
      trace_id: created.trace_id,
    });

    const job = await jobRow(created.job_id);
    const run = github.runs.find((r) => r.display_title.includes(created.job_id))!;
    expect(job).toMatchObject({ status: "Dispatched", dispatchMode: "github", dispatchRunId: String(run.id), dispatchRunUrl: run.html_url });
    // Only the digest of the callback token is kept, and it is the one GitHub got.
    expect(job.callbackTokenHash).toBe(hashCallbackToken(body.inputs.callback_token as string));
    const trace = await listTrace({ traceId: created.trace_id });
    expect(trace.find((e) => e.stage === "dispatch")?.message).toContain(run.html_url);
  });

  it("puts an existing node in target_server_id with create_new_server false", async () => {
    await db().node.create({ data: { id: "node-sg-abc123", region: "sg", capacity: 5, serverIp: "10.0.0.9" } });
    const created = await signup();
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false } });
    const inputs = github.dispatches[0]!.inputs;
    expect(inputs).toMatchObject({ create_new_server: "false", target_server_id: "node-sg-abc123", dedicated: "false" });
  });

  it("accepts GitHub's 204 answer without run details", async () => {
    github.setRunDetails(false);
    const created = await signup();
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false } });
    const job = await jobRow(created.job_id);
    expect(job).toMatchObject({ status: "Dispatched", dispatchRunId: null });
    expect(github.dispatches).toHaveLength(1);
  });

  it("retries 5xx answers and dispatches once", async () => {
    github.respondWith({ status: 500 }, { status: 502 }, { status: 503 });
    const created = await signup();
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false }, github: fastClient() });
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(4);
    expect(github.dispatches).toHaveLength(1);
    expect((await jobRow(created.job_id)).status).toBe("Dispatched");
  });

  it("leaves the job Pending for the background job's retry while GitHub stays down, and fails it at dispatch on the last attempt", async () => {
    const created = await signup();
    github.respondWith(...Array.from({ length: 4 }, () => ({ status: 503 })));
    const err = await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false }, github: fastClient() }).then(
      () => null,
      (e: unknown) => e as Error & { kind: string },
    );
    expect(err).toMatchObject({ kind: "retryable" });
    // What reaches the job log: no Octokit request (whose body holds the callback token).
    expect(err!.cause).toBeUndefined();
    expect(JSON.stringify({ ...err, message: err!.message })).not.toMatch(/pjt_|ghp_/);
    expect((await jobRow(created.job_id)).status).toBe("Pending");
    // Operators see the retry on the job's page (the tRPC procedure behind it), without secrets.
    const seen = await (await operatorCaller()).jobs.detail({ job_id: created.job_id });
    expect(seen.job.status).toBe("Pending");
    const retry = seen.trace.filter((e) => e.stage === "dispatch" && e.status === "info");
    expect(retry).toHaveLength(1);
    expect(retry[0]!.message).toMatch(/GitHub could not be reached \(503\).*retried/);
    expect(JSON.stringify(seen.trace)).not.toMatch(/pjt_|ghp_/);

    github.respondWith(...Array.from({ length: 4 }, () => ({ status: 503 })));
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: true }, github: fastClient() });
    expect(await jobRow(created.job_id)).toMatchObject({ status: "Failed", failureStage: "dispatch" });
    expect(github.dispatches).toHaveLength(0);
  });

  it("fails the job at stage dispatch with GitHub's message on a 422, without retrying", async () => {
    github.respondWith({ status: 422, message: "Unexpected inputs provided: [\"surprise\"]" });
    const created = await signup();
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false }, github: fastClient() });
    const job = await jobRow(created.job_id);
    expect(job).toMatchObject({ status: "Failed", failureStage: "dispatch" });
    expect(job.message).toContain("Unexpected inputs provided");
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: created.tenant_id } });
    expect(tenant.status).toBe("failed");
  });

  it("does not dispatch twice when the worker is killed after GitHub accepted and before the database write", async () => {
    const created = await signup();
    github.respondWith({ acceptThenHang: true });
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "dispatch-worker.fixture.ts"), created.job_id], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    captureChildStream("dispatch-worker", child.stdout);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await github.accepted(1);
    child.kill("SIGKILL");
    await exited;
    const orphaned = await jobRow(created.job_id);
    expect(orphaned).toMatchObject({ status: "Pending", dispatchRunId: null });
    expect(orphaned.dispatchStartedAt).not.toBeNull();

    // The background job's next attempt, in another worker.
    await dispatchProvisionJob({ jobId: created.job_id, attempt: { isLastAttempt: false }, github: fastClient() });
    expect(github.dispatches).toHaveLength(1);
    const run = github.runs.find((r) => r.display_title.includes(created.job_id))!;
    expect(await jobRow(created.job_id)).toMatchObject({ status: "Dispatched", dispatchRunId: String(run.id) });
    const trace = await listTrace({ traceId: created.trace_id });
    expect(trace.find((e) => e.stage === "dispatch")?.message).toMatch(/earlier attempt/);
  });

  it("dispatches through the provisioning.dispatch background job after the signup commits", async () => {
    await stopJobRuntime();
    await startJobRuntime({ role: "all" });
    try {
      const created = await signup();
      const job = await eventually(async () => {
        const row = await jobRow(created.job_id);
        return row.status === "Dispatched" ? row : null;
      }, { what: "the job to be dispatched" });
      expect(job.dispatchRunUrl).toMatch(/\/acme\/infra\/actions\/runs\/\d+$/);
      expect(github.dispatches.map((d) => d.inputs.job_id)).toEqual([created.job_id]);
    } finally {
      await stopJobRuntime();
      await startJobRuntime({ role: "web" });
    }
  });

  it("refuses simulate_failure_stage while GitHub dispatches", async () => {
    await expect(
      createTenant({
        input: { company_name: "Sim", subdomain_slug: "sim-co", simulate_failure_stage: "ansible" },
        callerScope: "internal",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db().tenant.count()).toBe(0);
  });
});
