import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeGithub, type TFakeGithub, type TFakeGithubOptions } from "./github-test-server";
import { createWorkflowClient, WorkflowDispatchError, type TRetryNotice, type TWorkflowClientOptions } from "./workflow-client";

const TOKEN = "ghp_s3cretTokenValue42";
const DISPATCH_PATH = "/repos/o/r/actions/workflows/provision-tenant.yml/dispatches";

let fake: TFakeGithub;
let notices: TRetryNotice[];

async function restart(opts: TFakeGithubOptions = {}) {
  await fake.close();
  fake = await startFakeGithub(opts);
}

beforeEach(async () => {
  fake = await startFakeGithub();
  notices = [];
});
afterEach(() => fake.close());

function client(overrides: Partial<TWorkflowClientOptions> = {}) {
  return createWorkflowClient({
    token: TOKEN,
    apiBaseUrl: fake.url,
    owner: "o",
    repo: "r",
    workflowId: "provision-tenant.yml",
    ref: "main",
    requestTimeoutMs: 10_000,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    onRetry: (notice) => notices.push(notice),
    ...overrides,
  });
}

function inputs(jobId = "job-1"): Record<string, string> {
  return {
    job_id: jobId,
    tenant_id: "tenant-1",
    region: "eu-west",
    create_new_server: "true",
    target_server_id: "",
    subdomain_slug: "acme",
    canonical_hostname: "acme.embark.test",
    dedicated: "false",
    trace_id: "trace-1",
    callback_token: "cb-token",
  };
}

async function failure(promise: Promise<unknown>): Promise<WorkflowDispatchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowDispatchError);
  return err as WorkflowDispatchError;
}

const dispatchCalls = () => fake.requests.filter((r) => r.method === "POST" && r.path === DISPATCH_PATH);

describe("dispatch", () => {
  it("posts ref, string inputs and return_run_details with the token, and returns the run", async () => {
    const run = await client().dispatch({ inputs: inputs() });

    const [call, ...others] = dispatchCalls();
    expect(others).toHaveLength(0);
    expect(call?.headers.authorization).toBe(`token ${TOKEN}`);
    expect(call?.headers["content-type"]).toMatch(/^application\/json/);
    expect(call?.body).toEqual({ ref: "main", inputs: inputs(), return_run_details: true });
    expect(Object.values((call?.body as { inputs: object }).inputs).every((v) => typeof v === "string")).toBe(true);

    const [created] = fake.runs;
    expect(created?.display_title).toBe("Provision acme (job-1)");
    expect(run).toEqual({ runId: created?.id, runUrl: created?.url, htmlUrl: created?.html_url });
    expect(run.htmlUrl).toBe(`${fake.url}/o/r/actions/runs/${created?.id}`);
  });

  it("returns nulls when GitHub answers 204 without run details", async () => {
    fake.setRunDetails(false);
    expect(await client().dispatch({ inputs: inputs() })).toEqual({ runId: null, runUrl: null, htmlUrl: null });
    expect(fake.dispatches).toHaveLength(1);
  });

  it("asks again without return_run_details when an older GitHub refuses the parameter", async () => {
    fake.respondWith({ status: 422, message: "Invalid request.\n\n\"return_run_details\" is not a permitted key." }, { status: 204 });
    expect(await client().dispatch({ inputs: inputs() })).toEqual({ runId: null, runUrl: null, htmlUrl: null });
    expect(dispatchCalls().map((c) => (c.body as object & { return_run_details?: boolean }).return_run_details)).toEqual([true, undefined]);
    expect(fake.dispatches).toHaveLength(1);
  });

  it("retries server errors with backoff and succeeds", async () => {
    fake.respondWith({ status: 500 }, { status: 502 });
    const run = await client().dispatch({ inputs: inputs() });
    expect(run.runId).toBe(fake.runs[0]?.id);
    expect(dispatchCalls()).toHaveLength(3);
    expect(notices.map((n) => [n.attempt, n.status])).toEqual([
      [1, 500],
      [2, 502],
    ]);
    expect(notices.every((n) => n.delayMs <= 5)).toBe(true);
  });

  it("gives up as retryable after the configured attempts", async () => {
    fake.respondWith({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    const err = await failure(client().dispatch({ inputs: inputs() }));
    expect(err.kind).toBe("retryable");
    expect(err.status).toBe(503);
    expect(err.message).toContain("after 3 attempts");
    expect(dispatchCalls()).toHaveLength(3);
    expect(fake.dispatches).toHaveLength(0);
  });

  it.each([
    ["429 with retry-after", { status: 429, retryAfter: 1 }],
    ["403 with an exhausted rate limit", { status: 403, rateLimited: true }],
    ["403 for a secondary rate limit", { status: 403, secondaryRateLimit: true }],
  ])("waits out a %s, capped at maxDelayMs", async (_name, answer) => {
    fake.respondWith(answer);
    const run = await client({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 30 } }).dispatch({ inputs: inputs() });
    expect(run.runId).toBe(fake.runs[0]?.id);
    // GitHub asked for a minute or a second; the backoff alone would wait ~1 ms.
    expect(notices).toEqual([expect.objectContaining({ attempt: 1, status: answer.status, delayMs: 30 })]);
  });

  it("carries GitHub's wait hint when the rate limit outlasts the attempts", async () => {
    fake.respondWith({ status: 429, retryAfter: 120 }, { status: 429, retryAfter: 120 });
    const err = await failure(client({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } }).dispatch({ inputs: inputs() }));
    expect(err.kind).toBe("retryable");
    expect(err.details.retryAfterMs).toBe(120_000);
  });

  it("reports a refusal with GitHub's message and does not retry", async () => {
    await restart({ workflowInputs: ["job_id", "tenant_id"] });
    const err = await failure(client().dispatch({ inputs: inputs() }));
    expect(err.kind).toBe("rejected");
    expect(err.status).toBe(422);
    expect(err.details.githubMessage).toMatch(/^Unexpected inputs provided: \["region",/);
    expect(err.message).toContain("Unexpected inputs provided");
    expect(dispatchCalls()).toHaveLength(1);
    expect(notices).toEqual([]);
  });

  it("reports a workflow without a workflow_dispatch trigger as rejected", async () => {
    fake.respondWith({ status: 422, message: "Workflow does not have 'workflow_dispatch' trigger" });
    const err = await failure(client().dispatch({ inputs: inputs() }));
    expect(err).toMatchObject({ kind: "rejected", status: 422 });
    expect(err.message).toContain("Workflow does not have 'workflow_dispatch' trigger");
  });

  it("reports bad credentials as rejected", async () => {
    await restart({ token: "another-token" });
    const err = await failure(client().dispatch({ inputs: inputs() }));
    expect(err).toMatchObject({ kind: "rejected", status: 401 });
    expect(err.message).toContain("Bad credentials");
  });

  it("is ambiguous when GitHub accepted but never answered, and the run can be found afterwards", async () => {
    fake.respondWith({ acceptThenHang: true });
    const createdAfter = new Date();
    const err = await failure(client({ requestTimeoutMs: 200 }).dispatch({ inputs: inputs("job-7") }));
    expect(err.kind).toBe("ambiguous");
    expect(err.status).toBeNull();
    expect(dispatchCalls()).toHaveLength(1);

    const found = await client().findRunByJobId({ jobId: "job-7", createdAfter });
    expect(found).toEqual({
      runId: fake.dispatches[0]?.runId,
      runUrl: fake.runs[0]?.url,
      htmlUrl: fake.runs[0]?.html_url,
      status: "queued",
      conclusion: null,
    });
  });

  it("is ambiguous when the caller aborts a request in flight", async () => {
    fake.respondWith({ acceptThenHang: true });
    const controller = new AbortController();
    const pending = failure(client().dispatch({ inputs: inputs(), signal: controller.signal }));
    await fake.accepted(1);
    controller.abort();
    expect((await pending).kind).toBe("ambiguous");
  });

  it("retries when the connection is refused, since nothing reached GitHub", async () => {
    const closed = fake.url;
    await fake.close();
    const err = await failure(client({ apiBaseUrl: closed }).dispatch({ inputs: inputs() }));
    expect(err.kind).toBe("retryable");
    expect(err.message).toContain("ECONNREFUSED");
    expect(notices).toHaveLength(2);
    fake = await startFakeGithub();
  });

  it("never puts the token in an error message", async () => {
    fake.respondWith({ status: 422, message: `token ${TOKEN} is not allowed` }, { status: 500, message: `echo ${TOKEN}` }, { status: 500 }, { status: 500 });
    const rejected = await failure(client().dispatch({ inputs: inputs() }));
    const retryable = await failure(client().dispatch({ inputs: inputs() }));
    fake.respondWith({ acceptThenHang: true });
    const ambiguous = await failure(client({ requestTimeoutMs: 100 }).dispatch({ inputs: inputs() }));
    expect([rejected.kind, retryable.kind, ambiguous.kind]).toEqual(["rejected", "retryable", "ambiguous"]);
    for (const err of [rejected, retryable, ambiguous]) {
      expect(err.message).not.toContain(TOKEN);
      expect(err.details.githubMessage ?? "").not.toContain(TOKEN);
    }
    expect(notices.map((n) => n.reason).join("\n")).not.toContain(TOKEN);
  });
});

describe("findRunByJobId", () => {
  it("returns null for a job that was never dispatched", async () => {
    await client().dispatch({ inputs: inputs("job-1") });
    expect(await client().findRunByJobId({ jobId: "job-2" })).toBeNull();
  });

  it("matches the job id as a whole word", async () => {
    await client().dispatch({ inputs: inputs("job-10") });
    expect(await client().findRunByJobId({ jobId: "job-1" })).toBeNull();
    await client().dispatch({ inputs: inputs("job-1") });
    expect((await client().findRunByJobId({ jobId: "job-1" }))?.runId).toBe(fake.dispatches[1]?.runId);
  });

  it("asks only for workflow_dispatch runs created since createdAfter, to the second", async () => {
    let now = new Date("2026-01-01T10:00:00.400Z");
    await restart({ clock: () => now });
    await client().dispatch({ inputs: inputs("job-early") });
    now = new Date("2026-01-01T11:00:00.000Z");
    await client().dispatch({ inputs: inputs("job-late") });

    const since = new Date("2026-01-01T10:30:00.250Z");
    expect(await client().findRunByJobId({ jobId: "job-early", createdAfter: since })).toBeNull();
    expect((await client().findRunByJobId({ jobId: "job-late", createdAfter: since }))?.runId).toBe(fake.dispatches[1]?.runId);
    // A run created in the same second as the bound is still found.
    expect(await client().findRunByJobId({ jobId: "job-early", createdAfter: new Date("2026-01-01T10:00:00.900Z") })).not.toBeNull();

    const listing = fake.requests.find((r) => r.method === "GET");
    expect(listing?.path).toBe("/repos/o/r/actions/workflows/provision-tenant.yml/runs");
    expect(listing?.query).toMatchObject({ event: "workflow_dispatch", created: ">=2026-01-01T10:30:00Z", per_page: "100" });
  });

  it("looks past the first page of runs", async () => {
    const c = client();
    await c.dispatch({ inputs: inputs("job-first") });
    for (let i = 0; i < 100; i++) await c.dispatch({ inputs: inputs(`job-other-${i}`) });
    expect((await c.findRunByJobId({ jobId: "job-first" }))?.runId).toBe(fake.dispatches[0]?.runId);
    expect(fake.requests.filter((r) => r.method === "GET").map((r) => r.query.page)).toEqual(["1", "2"]);
  });

  it("reports a missing workflow as rejected", async () => {
    const err = await failure(client({ workflowId: "nope.yml", apiBaseUrl: `${fake.url}/missing` }).findRunByJobId({ jobId: "job-1" }));
    expect(err).toMatchObject({ kind: "rejected", status: 404 });
  });
});
