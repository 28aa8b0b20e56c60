import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedUsers } from "../../../../test/support/user-factory";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { startRestServer, type TRestServer } from "../../../../test/support/rest-server";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { advanceOnboarding } from "./advance-onboarding";
import { retryProvisionJob } from "@/server/services/provisioning/retry-provision-job";
import { startFakeGithub, type TFakeGithub } from "@/server/integrations/github/github-test-server";

const TOKEN = "ghp_onboardingTestToken000000000000000000";
const GITHUB_SETTINGS = {
  GITHUB_TOKEN: TOKEN,
  GITHUB_TEMPLATE_REPO: "embark-templates/tenant-stack",
  GITHUB_REPO_OWNER: "tenant-repos",
  GITHUB_DEPLOY_WORKFLOW: "deploy.yml",
} as const;

let server: TRestServer;
let github: TFakeGithub;
let health: { server: Server; port: number; status: number; dir: string; hits: string[] };

const api = (method: string, path: string, body?: unknown, token?: string | null) =>
  restCall(method, path, { body, baseUrl: server.url, token });

function configure(settings: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(settings)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  reloadEnv();
}

const signup = (slug: string, extra: Record<string, unknown> = {}) =>
  api("POST", "/api/v1/onboarding", { platformName: `${slug} Inc`, slug, tier: "starter", userId: "user-1", ...extra });

const sessionWhere = (id: string, what: string, ok: (s: TJsonBody) => boolean) =>
  eventually(
    async () => {
      const res = await api("GET", `/api/v1/onboarding/${id}`);
      return ok(res.body) ? res.body : null;
    },
    { what, timeoutMs: 25_000 },
  );

const stepOf = (session: TJsonBody, key: string) => session.steps.find((s: TJsonBody) => s.key === key);

/** Plays the deploy workflow run GitHub would start: calls back with the run's own token. */
async function finishDeploy(onboardingId: string, status: "succeeded" | "failed" = "succeeded") {
  const dispatch = await eventually(async () => github.dispatches.find((d) => d.inputs.onboarding_id === onboardingId), {
    what: "the deploy workflow dispatch",
    timeoutMs: 25_000,
  });
  const res = await fetch(dispatch.inputs.callback_url!, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${dispatch.inputs.callback_token}` },
    body: JSON.stringify({ id: onboardingId, status, url: "https://deployed.example.test" }),
  });
  return { dispatch, status: res.status, body: (await res.json()) as TJsonBody };
}

async function startHealthServer() {
  const dir = mkdtempSync(join(tmpdir(), "embark-health-"));
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=tenants.embark.localhost",
    "-addext", "subjectAltName=DNS:*.tenants.embark.localhost",
    "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  ], { stdio: "ignore" });
  const state = { status: 200, hits: [] as string[] };
  const srv = createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (req, res) => {
    state.hits.push(`${req.headers.host}${req.url}`);
    res.writeHead(state.status).end("ok");
  });
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as { port: number }).port;
  return Object.assign(state, { server: srv, port, dir });
}

beforeAll(async () => {
  server = await startRestServer();
  github = await startFakeGithub({ token: TOKEN });
  health = await startHealthServer();
  configure({ ...GITHUB_SETTINGS, GITHUB_API_URL: github.url });
  await startJobRuntime({ role: "all" });
});
afterAll(async () => {
  await stopJobRuntime();
  await github.close();
  await new Promise((resolve) => health.server.close(resolve));
  rmSync(health.dir, { recursive: true, force: true });
  await server.close();
});
beforeEach(async () => {
  await resetDatabase();
  await seedUsers(["user-1"]);
  github.dispatches.length = 0;
  github.repos.clear();
  health.status = 200;
  health.hits.length = 0;
  configure({ ...GITHUB_SETTINGS, TENANT_HEALTH_PATH: undefined, TENANT_HEALTH_CONNECT_TO: undefined, TENANT_HEALTH_CA_FILE: undefined });
});

describe("an onboarding session", () => {
  it("answers 202 with the five steps and runs them all to completed", async () => {
    const created = await signup("orbit");
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({
      onboardingId: expect.stringMatching(/^onb_/),
      jobId: expect.stringMatching(/^job_/),
      status: "in_progress",
      paymentStatus: "not_required",
    });
    expect(created.body.steps.map((s: TJsonBody) => [s.key, s.label, s.status])).toEqual([
      ["create_platform", "Create platform", "succeeded"],
      ["provision_infra", "Provision infrastructure", "running"],
      ["setup_repo", "Set up repository", "pending"],
      ["deploy_services", "Deploy services", "pending"],
      ["verify", "Verify deployment", "pending"],
    ]);
    const id = created.body.onboardingId;

    const deploy = await finishDeploy(id);
    expect(deploy.status).toBe(200);
    expect(deploy.dispatch).toMatchObject({ owner: "tenant-repos", repo: "orbit", workflowId: "deploy.yml", ref: "main" });
    const done = await sessionWhere(id, "the session to complete", (s) => s.status === "completed");

    expect(done.steps.map((s: TJsonBody) => [s.key, s.status, s.attempts])).toEqual([
      ["create_platform", "succeeded", 1],
      ["provision_infra", "succeeded", 1],
      ["setup_repo", "succeeded", 1],
      ["deploy_services", "succeeded", 1],
      ["verify", "succeeded", 1],
    ]);
    expect(stepOf(done, "setup_repo").result).toMatchObject({ repo: "tenant-repos/orbit", already_existed: false });
    expect(github.repos.get("tenant-repos/orbit")?.template).toBe("embark-templates/tenant-stack");
    expect(stepOf(done, "deploy_services").result).toMatchObject({ deployed_url: "https://deployed.example.test" });
    expect(stepOf(done, "verify").result).toMatchObject({ tenant_status: "active", job_status: "Completed" });
    expect(done.tenantUrl).toBe("https://orbit.tenants.embark.localhost");
    expect(done.finishedAt).not.toBeNull();
    for (const step of done.steps) expect(step.finishedAt).not.toBeNull();

    // The deploy token was for this onboarding only, and is no good for anything else.
    const token = deploy.dispatch.inputs.callback_token!;
    expect((await api("GET", `/api/v1/onboarding/${id}`, undefined, token)).status).toBe(403);
    const row = await db().onboardingSession.findUniqueOrThrow({ where: { id } });
    expect(row.deployTokenHash).not.toContain(token);
  });

  it("fails at provision_infra with simulate_failure_stage, and resume completes it without creating the platform again", async () => {
    const created = await signup("flaky", { simulate_failure_stage: "ansible" });
    const id = created.body.onboardingId;
    const failed = await sessionWhere(id, "the session to fail", (s) => s.status === "failed");
    expect(failed).toMatchObject({ failedStep: "provision_infra", error: expect.stringContaining("ansible") });
    expect(stepOf(failed, "provision_infra")).toMatchObject({ status: "failed", error: expect.stringContaining("ansible") });
    expect(stepOf(failed, "setup_repo").status).toBe("pending");

    const resumed = await api("POST", `/api/v1/onboarding/${id}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ status: "in_progress", resumeCount: 1, failedStep: null });
    expect(resumed.body.jobId).not.toBe(created.body.jobId);
    await finishDeploy(id);
    const done = await sessionWhere(id, "the resumed session to complete", (s) => s.status === "completed");
    expect(stepOf(done, "create_platform").attempts).toBe(1);
    expect(stepOf(done, "provision_infra").attempts).toBe(2);
    expect(await db().tenant.count()).toBe(1);
    const jobs = await db().provisionJob.findMany({ orderBy: { attempt: "asc" }, select: { status: true, attempt: true } });
    expect(jobs).toEqual([
      { status: "Failed", attempt: 1 },
      { status: "Completed", attempt: 2 },
    ]);
    // A session that is not failed has nothing to resume.
    expect((await api("POST", `/api/v1/onboarding/${id}/resume`)).status).toBe(409);
  });

  it("picks a failed session up again when an operator retries its provision job from /cp", async () => {
    configure({ GITHUB_TOKEN: undefined });
    const created = await signup("retried", { simulate_failure_stage: "ansible" });
    const id = created.body.onboardingId;
    await sessionWhere(id, "the session to fail", (s) => s.status === "failed");
    const retry = await retryProvisionJob({ jobId: created.body.jobId, actor: { id: "op-1", label: "op@example.com" } });
    const done = await sessionWhere(id, "the session to complete", (s) => s.status === "completed");
    expect(done.jobId).toBe(retry.job_id);
    expect(stepOf(done, "provision_infra")).toMatchObject({ status: "succeeded", result: { job_id: retry.job_id } });
  });

  it("counts a repository left by an earlier attempt as set up", async () => {
    github.repos.set("tenant-repos/legacy", {
      id: 9001,
      name: "legacy",
      full_name: "tenant-repos/legacy",
      private: true,
      html_url: `${github.url}/tenant-repos/legacy`,
      url: `${github.url}/repos/tenant-repos/legacy`,
      template: "embark-templates/tenant-stack",
    });
    const id = (await signup("legacy")).body.onboardingId;
    await finishDeploy(id);
    const done = await sessionWhere(id, "the session to complete", (s) => s.status === "completed");
    expect(stepOf(done, "setup_repo")).toMatchObject({
      status: "succeeded",
      result: { repo: "tenant-repos/legacy", already_existed: true },
    });
  });

  it("skips the GitHub steps with the reason when GitHub is not configured", async () => {
    configure({ GITHUB_TOKEN: undefined, GITHUB_TEMPLATE_REPO: undefined, GITHUB_DEPLOY_WORKFLOW: undefined });
    const id = (await signup("plain")).body.onboardingId;
    const done = await sessionWhere(id, "the session to complete", (s) => s.status === "completed");
    expect(stepOf(done, "setup_repo")).toMatchObject({
      status: "skipped",
      result: { reason: "GitHub is not configured: GITHUB_TOKEN and GITHUB_TEMPLATE_REPO not set" },
    });
    expect(stepOf(done, "deploy_services")).toMatchObject({
      status: "skipped",
      result: { reason: "Deploy workflow is not configured: GITHUB_TOKEN and GITHUB_DEPLOY_WORKFLOW not set" },
    });
    expect(stepOf(done, "verify").status).toBe("succeeded");
    expect(github.requests.filter((r) => r.path.includes("/plain")).length).toBe(0);
  });

  it("takes a step left running up again at once when the job that started it runs again, and leaves it to a runner still at it", async () => {
    configure({ GITHUB_TOKEN: undefined, GITHUB_TEMPLATE_REPO: undefined, GITHUB_DEPLOY_WORKFLOW: undefined });
    const id = (await signup("runner-died")).body.onboardingId;
    await sessionWhere(id, "the session to complete", (s) => s.status === "completed");
    const step = { sessionId_key: { sessionId: id, key: "verify" } };
    // The step names the background job that ran it.
    const ranBy = (await db().onboardingStep.findUniqueOrThrow({ where: step })).runnerJobId;
    const [job] = await db().$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.job WHERE id::text = ${ranBy}`;
    expect(job?.name).toBe("onboarding.advance");

    // A job's worker died a moment after it started verify: the step stays running, the session in progress.
    await db().onboardingStep.update({
      where: step,
      data: { status: "running", startedAt: new Date(), finishedAt: null, runnerJobId: "job-that-died" },
    });
    await db().onboardingSession.update({ where: { id }, data: { status: "in_progress", finishedAt: null } });
    // Another job's runner takes it for someone else's run in progress and leaves it.
    await advanceOnboarding({ sessionId: id, runnerJobId: "another-job" });
    expect(await db().onboardingSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "in_progress" });
    // The dead job's own retry runs the step again at once, not after the step turns stale.
    await advanceOnboarding({ sessionId: id, runnerJobId: "job-that-died" });
    expect(await db().onboardingSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "completed" });
    expect(await db().onboardingStep.findUniqueOrThrow({ where: step })).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("probes the tenant over HTTPS when TENANT_HEALTH_PATH is set, fails verify on a bad answer, and resumes at verify", async () => {
    configure({
      GITHUB_TOKEN: undefined,
      TENANT_HEALTH_PATH: "/healthz",
      TENANT_HEALTH_CONNECT_TO: `127.0.0.1:${health.port}`,
      TENANT_HEALTH_CA_FILE: join(health.dir, "cert.pem"),
    });
    health.status = 503;
    const id = (await signup("probed")).body.onboardingId;
    const failed = await sessionWhere(id, "verify to fail", (s) => s.status === "failed");
    expect(failed.failedStep).toBe("verify");
    expect(stepOf(failed, "verify").error).toContain("answered 503");
    expect(health.hits).toContain("probed.tenants.embark.localhost/healthz");

    health.status = 200;
    expect((await api("POST", `/api/v1/onboarding/${id}/resume`)).status).toBe(202);
    const done = await sessionWhere(id, "the session to complete", (s) => s.status === "completed");
    expect(stepOf(done, "verify")).toMatchObject({ attempts: 2, result: { health: { status_code: 200 } } });
    expect(stepOf(done, "provision_infra").attempts).toBe(1);
  });
});

describe("the deploy workflow's callback", () => {
  it("takes the run's own token once, refuses other tokens and a changed outcome", async () => {
    const first = (await signup("deploy-one")).body.onboardingId;
    const second = (await signup("deploy-two")).body.onboardingId;
    const dispatch = await eventually(async () => github.dispatches.find((d) => d.inputs.onboarding_id === first), {
      what: "the first deploy dispatch",
      timeoutMs: 25_000,
    });
    const token = dispatch.inputs.callback_token!;
    expect(token).toMatch(/^odt_/);
    const report = (id: string, status: string, bearer: string | null) =>
      api("POST", `/internal/onboarding/${id}/deploy-complete`, { id, status }, bearer);

    expect((await report(first, "succeeded", "odt_not-a-real-token")).status).toBe(401);
    const other = await report(second, "succeeded", token);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain("another onboarding");
    expect((await report(first, "bogus", token)).status).toBe(400);

    const ok = await report(first, "succeeded", token);
    expect(ok).toMatchObject({ status: 200, body: { onboardingId: first, status: "succeeded", changed: true } });
    expect((await report(first, "succeeded", token)).body.changed).toBe(false);
    expect((await report(first, "failed", token)).status).toBe(409);
    await sessionWhere(first, "the first session to complete", (s) => s.status === "completed");
  });

  it("dispatches again when a runner died before recording its dispatch, and fails a deploy that never calls back", async () => {
    const id = (await signup("deploy-crash")).body.onboardingId;
    await eventually(async () => github.dispatches.find((d) => d.inputs.onboarding_id === id), { what: "the first dispatch", timeoutMs: 25_000 });
    const step = { sessionId_key: { sessionId: id, key: "deploy_services" } };
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    // Dispatched and recorded, three minutes ago: the runner waits.
    await db().onboardingStep.update({ where: step, data: { startedAt: minutesAgo(3) } });
    await advanceOnboarding({ sessionId: id });
    expect(github.dispatches.filter((d) => d.inputs.onboarding_id === id)).toHaveLength(1);
    // Running for three minutes with no run recorded: the runner died mid-dispatch, so it is sent again.
    await db().onboardingStep.update({ where: step, data: { startedAt: minutesAgo(3), result: {} } });
    await advanceOnboarding({ sessionId: id });
    const dispatches = github.dispatches.filter((d) => d.inputs.onboarding_id === id);
    expect(dispatches).toHaveLength(2);
    expect(dispatches[1]!.inputs.callback_token).not.toBe(dispatches[0]!.inputs.callback_token);
    expect((await db().onboardingStep.findUniqueOrThrow({ where: step })).attempts).toBe(2);
    // No callback within the hour: the step and the session fail.
    await db().onboardingStep.update({ where: step, data: { startedAt: minutesAgo(61) } });
    await advanceOnboarding({ sessionId: id });
    const failed = await api("GET", `/api/v1/onboarding/${id}`);
    expect(failed.body).toMatchObject({ status: "failed", failedStep: "deploy_services", error: expect.stringContaining("did not call back within 60 minutes") });
  });

  it("fails the session when the deploy reports failure, and resume dispatches the deploy again", async () => {
    const id = (await signup("deploy-fail")).body.onboardingId;
    const failed = await finishDeploy(id, "failed");
    expect(failed.status).toBe(200);
    const session = await sessionWhere(id, "the session to fail", (s) => s.status === "failed");
    expect(session).toMatchObject({ failedStep: "deploy_services", error: expect.stringContaining("deploy workflow failed") });
    github.dispatches.length = 0;
    expect((await api("POST", `/api/v1/onboarding/${id}/resume`)).status).toBe(202);
    const again = await finishDeploy(id);
    // A new run gets a new token; the old one no longer works.
    expect(again.dispatch.inputs.callback_token).not.toBe(failed.dispatch.inputs.callback_token);
    const done = await sessionWhere(id, "the session to complete", (s) => s.status === "completed");
    expect(stepOf(done, "deploy_services").attempts).toBe(2);
    expect(stepOf(done, "setup_repo").attempts).toBe(1);
  });
});

describe("onboarding input and state checks", () => {
  it("answers bad input with a message per field and writes nothing", async () => {
    const res = await api("POST", "/api/v1/onboarding", { platformName: "x", slug: "Bad Slug!", tier: "gold", userId: "" });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body);
    for (const field of ["platformName", "slug", "tier", "userId"]) expect(text).toContain(field);
    expect((await api("POST", "/api/v1/onboarding", { platformName: "Ok Co", slug: "okco", tier: "starter", userId: "u", extra: 1 })).status).toBe(400);
    expect(await db().onboardingSession.count()).toBe(0);
  });

  it("refuses a userId that names no user with 400 and leaves no session behind", async () => {
    const res = await signup("ghost-co", { userId: "nobody" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "BAD_REQUEST", details: { field: "userId" } });
    expect(res.body.error.message).toContain('userId "nobody" names no user');
    expect(await db().onboardingSession.count()).toBe(0);
    expect(await db().tenant.count()).toBe(0);
  });

  it("refuses a taken slug with 409 and leaves no session behind", async () => {
    expect((await signup("taken")).status).toBe(202);
    const again = await signup("taken");
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("taken");
    expect(await db().onboardingSession.count()).toBe(1);
    expect(await db().tenant.count()).toBe(1);
  });

  it("refuses paid tiers without payments configured, with the reason", async () => {
    const res = await signup("paidco", { tier: "growth" });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain("STRIPE_SECRET_KEY");
    expect(await db().onboardingSession.count()).toBe(0);
  });

  it("checks PATCH transitions", async () => {
    configure({ GITHUB_TOKEN: undefined });
    const id = (await signup("patched", { simulate_failure_stage: "ansible" })).body.onboardingId;
    const patch = (body: Record<string, unknown>) => api("PATCH", `/api/v1/onboarding/${id}`, body);
    // A succeeded step does not go back.
    const back = await patch({ steps: [{ key: "create_platform", status: "running" }] });
    expect(back.status).toBe(409);
    expect(back.body.error.message).toContain("create_platform cannot go from succeeded to running");
    // Completing with open steps is refused.
    expect((await patch({ status: "completed" })).status).toBe(409);
    expect((await patch({ provisionJobId: "job_01ZZZZZZZZZZZZZZZZZZZZZZZZ" })).status).toBe(404);
    expect((await patch({})).status).toBe(400);
    await sessionWhere(id, "the session to fail", (s) => s.status === "failed");
    const ended = await patch({ status: "in_progress" });
    expect(ended.status).toBe(409);
    expect(ended.body.error.message).toContain("changes only through resume");
    expect((await api("GET", "/api/v1/onboarding/onb_01NOTAREALSESSION000")).status).toBe(404);
  });
});
