import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { restCall } from "../../../../test/support/rest-call";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { signInWithPassword } from "@/server/auth/testing/auth-requests";
import { createOperator } from "@/server/services/operators/create-operator";
import { createTenant, registerTenant } from "@/server/services/tenants/create-tenant";

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  restCall(method, path, { body, headers });
const signup = (body: unknown, headers?: Record<string, string>) => call("POST", "/v1/tenants", body, headers);

// Send-only: dispatch jobs stay queued where the tests can count them.
beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(() => resetDatabase());

describe("POST /v1/tenants", () => {
  it("answers 202 and writes the tenant, a Pending job and its dispatch job together", async () => {
    const res = await signup({ company_name: "  Acme Corp ", subdomain_slug: "Acme-Corp", region: "us", plan: "growth" });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      job_id: expect.stringMatching(/^job_[0-9a-z]{26}$/),
      tenant_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      trace_id: expect.stringMatching(/^trace_[0-9a-z]{26}$/),
      status: "Pending",
    });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: res.body.tenant_id } });
    expect(tenant).toMatchObject({ slug: "acme-corp", companyName: "Acme Corp", region: "us", plan: "growth", status: "pending" });
    const job = await db().provisionJob.findUniqueOrThrow({ where: { id: res.body.job_id } });
    expect(job).toMatchObject({ status: "Pending", infraMode: "create_new_server", dedicated: null, traceId: res.body.trace_id, dispatchMode: "local" });
    const queued = await currentBoss()!.findJobs("provisioning.dispatch", { data: { jobId: res.body.job_id } });
    expect(queued).toHaveLength(1);
  });

  it("defaults the region from configuration and the plan to starter", async () => {
    const res = await signup({ company_name: "Defaults", subdomain_slug: "defaults" });
    const tenant = await db().tenant.findUniqueOrThrow({ where: { id: res.body.tenant_id } });
    expect(tenant).toMatchObject({ region: "sg", plan: "starter" });
  });

  it.each([
    [{ company_name: "A", subdomain_slug: "valid-slug" }, "company_name"],
    [{ company_name: "x".repeat(101), subdomain_slug: "valid-slug" }, "company_name"],
    [{ subdomain_slug: "valid-slug" }, "company_name"],
    [{ company_name: "Fine", subdomain_slug: "ab" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "-leading" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "trailing-" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "under_score" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "dots.in.it" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "xn--punycode" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "www" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "admin" }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "a".repeat(41) }, "subdomain_slug"],
    [{ company_name: "Fine", subdomain_slug: "valid-slug", region: "mars" }, "region"],
    [{ company_name: "Fine", subdomain_slug: "valid-slug", plan: "platinum" }, "plan"],
    [{ company_name: "Fine", subdomain_slug: "valid-slug", simulate_failure_stage: "lunch" }, "simulate_failure_stage"],
    [{ company_name: "Fine", subdomain_slug: "valid-slug", surprise: true }, "surprise"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const res = await signup(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(await db().tenant.count()).toBe(0);
  });

  it("answers 409 for a taken subdomain and creates nothing", async () => {
    expect((await signup({ company_name: "First", subdomain_slug: "taken" })).status).toBe(202);
    const again = await signup({ company_name: "Second", subdomain_slug: "TAKEN" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "CONFLICT", details: { field: "subdomain_slug" } });
    expect(await db().tenant.count()).toBe(1);
    expect(await db().provisionJob.count()).toBe(1);
  });

  it("answers 409 to a signup that loses the race for a subdomain at insert time, and leaves nothing behind", async () => {
    await db().node.create({ data: { id: "node-sg-cccccc", region: "sg", capacity: 10 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let registered!: () => void;
    const firstWrote = new Promise<void>((resolve) => (registered = resolve));
    // The first signup writes its rows and holds its transaction open, so the
    // second one's slug check sees nothing and its insert waits on the first.
    const first = db().$transaction(
      async (tx) => {
        await registerTenant(tx, { input: { company_name: "First", subdomain_slug: "same-slug" } });
        registered();
        await held;
      },
      { timeout: 20_000 },
    );
    await firstWrote;
    const second = createTenant({ input: { company_name: "Second", subdomain_slug: "same-slug" }, callerScope: "test" }).then(
      () => null,
      (err: unknown) => err,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await first;
    expect(await second).toMatchObject({ code: "CONFLICT", details: { field: "subdomain_slug", slug: "same-slug" } });
    expect(await db().tenant.count()).toBe(1);
    expect(await db().provisionJob.count()).toBe(1);
    expect(await db().traceEvent.count()).toBe(1);
    expect((await db().node.findUniqueOrThrow({ where: { id: "node-sg-cccccc" } })).used).toBe(1);
    expect(await currentBoss()!.findJobs("provisioning.dispatch")).toHaveLength(1);
  });

  it("answers 401 without credentials", async () => {
    const res = await restCall("POST", "/v1/tenants", { body: { company_name: "No", subdomain_slug: "nokey" }, token: null });
    expect(res.status).toBe(401);
  });

  it("returns the first answer to a retry with the same Idempotency-Key, without a second tenant", async () => {
    const body = { company_name: "Retry Co", subdomain_slug: "retry-co" };
    const first = await signup(body, { "idempotency-key": "signup-123" });
    const second = await signup(body, { "idempotency-key": "signup-123" });
    expect(second).toEqual(first);
    expect(await db().tenant.count()).toBe(1);
    expect(await currentBoss()!.findJobs("provisioning.dispatch")).toHaveLength(1);
  });

  it("gives concurrent retries with one Idempotency-Key one tenant and one answer", async () => {
    const body = { company_name: "Race Co", subdomain_slug: "race-co" };
    const answers = await Promise.all(Array.from({ length: 5 }, () => signup(body, { "idempotency-key": "race-1" })));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.job_id)).size).toBe(1);
    expect(await db().tenant.count()).toBe(1);
  });

  it("refuses an Idempotency-Key reused with another body (422) and a malformed key (400)", async () => {
    await signup({ company_name: "Key Co", subdomain_slug: "key-co" }, { "idempotency-key": "k-1" });
    const reused = await signup({ company_name: "Key Co", subdomain_slug: "other-co" }, { "idempotency-key": "k-1" });
    expect(reused.status).toBe(422);
    const bad = await signup({ company_name: "Key Co", subdomain_slug: "bad-key" }, { "idempotency-key": "has spaces" });
    expect(bad.status).toBe(400);
    expect(await db().tenant.count()).toBe(1);
  });

  it("never overfills a node: 50 concurrent signups against 10 free slots", async () => {
    await db().node.createMany({
      data: [
        { id: "node-sg-aaaaaa", region: "sg", capacity: 6, used: 2 },
        { id: "node-sg-bbbbbb", region: "sg", capacity: 6, used: 0 },
      ],
    });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signup({ company_name: `Rush ${i}`, subdomain_slug: `rush-${i}` })),
    );
    expect(answers.every((a) => a.status === 202)).toBe(true);
    const nodes = await db().node.findMany({ orderBy: { id: "asc" } });
    expect(nodes.map((n) => [n.id, n.used])).toEqual([
      ["node-sg-aaaaaa", 6],
      ["node-sg-bbbbbb", 6],
    ]);
    const jobs = await db().provisionJob.groupBy({ by: ["infraMode", "targetServerId"], _count: true });
    const count = (mode: string, target: string | null) =>
      jobs.find((j) => j.infraMode === mode && j.targetServerId === target)?._count ?? 0;
    expect(count("use_existing", "node-sg-aaaaaa")).toBe(4);
    expect(count("use_existing", "node-sg-bbbbbb")).toBe(6);
    expect(count("create_new_server", null)).toBe(40);
    const onNodes = await db().tenant.groupBy({ by: ["nodeId"], _count: true });
    expect(onNodes.find((g) => g.nodeId === "node-sg-bbbbbb")?._count).toBe(6);
  });

  it("tells whether a subdomain is free", async () => {
    await signup({ company_name: "Here", subdomain_slug: "here-co" });
    const taken = await call("GET", "/v1/tenants/slug-availability?slug=here-co");
    expect(taken.body).toEqual({ slug: "here-co", available: false, reason: "this subdomain is taken" });
    expect((await call("GET", "/v1/tenants/slug-availability?slug=free-co")).body.available).toBe(true);
    expect((await call("GET", "/v1/tenants/slug-availability?slug=www")).body).toMatchObject({ available: false, reason: "this subdomain is reserved" });
  });
});

describe("POST /v1/tenants with a paid plan", () => {
  /** A signed-in person's cookie: an operator, or (role `user`) a customer from the wizard. */
  async function signedIn(role: "user" | "operator") {
    const email = `${role}@example.com`;
    const password = "paid-plan-password-1";
    const created = await createOperator({ email, name: role, role: "operator", password });
    await db().user.update({ where: { id: created.id }, data: { role } });
    const { cookie } = await signInWithPassword(email, password);
    return (body: unknown) => restCall("POST", "/v1/tenants", { body, token: null, headers: { cookie } });
  }

  it("sends a signed-in customer to onboarding's checkout with 403 and writes nothing", async () => {
    const customer = await signedIn("user");
    for (const plan of ["growth", "scale"]) {
      const res = await customer({ company_name: "Free Rider", subdomain_slug: `rider-${plan}`, plan });
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: "FORBIDDEN", details: { field: "plan", onboarding: "/api/v1/onboarding" } });
      expect(res.body.error.message).toContain(`The ${plan} plan is paid`);
      expect(res.body.error.message).toContain("Stripe Checkout");
    }
    expect(await db().tenant.count()).toBe(0);
    expect(await db().node.count()).toBe(0);
    const free = await customer({ company_name: "Free Rider", subdomain_slug: "rider-free", plan: "starter" });
    expect(free.status).toBe(202);
  });

  it("lets an operator or the internal key create a paid tenant directly", async () => {
    const operator = await signedIn("operator");
    const res = await operator({ company_name: "Ops Made", subdomain_slug: "ops-made", plan: "scale" });
    expect(res.status).toBe(202);
    expect(await db().tenant.findUniqueOrThrow({ where: { id: res.body.tenant_id } })).toMatchObject({ plan: "scale" });
    expect((await signup({ company_name: "Key Made", subdomain_slug: "key-made", plan: "growth" })).status).toBe(202);
  });
});

describe("POST /internal/placement/compute", () => {
  it("previews the placement a signup would get, and writes nothing", async () => {
    await db().node.create({ data: { id: "node-eu-cccccc", region: "eu", capacity: 3, used: 1 } });
    const shared = await call("POST", "/internal/placement/compute", { region: "eu", plan: "starter" });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ region: "eu", create_new_server: false, target_server_id: "node-eu-cccccc", dedicated: false });
    expect(shared.body.reasons.length).toBeGreaterThan(0);
    const dedicated = await call("POST", "/internal/placement/compute", { region: "eu", plan: "scale" });
    expect(dedicated.body).toMatchObject({ create_new_server: true, target_server_id: null, dedicated: true });
    expect((await db().node.findUniqueOrThrow({ where: { id: "node-eu-cccccc" } })).used).toBe(1);
    expect(await db().tenant.count()).toBe(0);
    expect((await call("POST", "/internal/placement/compute", { region: "moon" })).status).toBe(400);
  });
});
