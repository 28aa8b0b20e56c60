import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedUsers } from "../../../../test/support/user-factory";
import { POST } from "@/app/api/webhooks/stripe/route";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { configureStripeEnv } from "@/server/integrations/stripe/stripe-test-env";
import { startFakeStripe, type TFakeStripe } from "@/server/integrations/stripe/stripe-test-server";
import { createOnboarding } from "@/server/services/onboarding/create-onboarding";
import { handleStripeWebhook } from "./handle-stripe-webhook";

const KEY = "sk_test_webhookTestKey000000000000001";
const SECRET = "whsec_webhookTestSecret00000000000001";

let fake: TFakeStripe;
let receiver: Server;
const configured = () => ({
  STRIPE_SECRET_KEY: KEY,
  STRIPE_WEBHOOK_SECRET: SECRET,
  STRIPE_API_URL: fake.url,
  STRIPE_PRICE_GROWTH: "price_growth_monthly",
  STRIPE_PRICE_SCALE: "price_scale_monthly",
});

/** Serves the webhook route over real HTTP, where the fake Stripe delivers. */
async function startWebhookReceiver(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      void POST(new Request(`http://embark.test${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) })).then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe` };
}

// Send-only: provision dispatch jobs stay queued where the tests can count them.
beforeAll(async () => {
  await startJobRuntime({ role: "web" });
  const hook = await startWebhookReceiver();
  receiver = hook.server;
  fake = await startFakeStripe({ secretKey: KEY, webhook: { url: hook.url, secret: SECRET } });
});
afterAll(async () => {
  await fake.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await stopJobRuntime();
});
beforeEach(async () => {
  await resetDatabase();
  await seedUsers(["user-paid", "user-other"]);
  configureStripeEnv(configured());
});
afterEach(() => configureStripeEnv({}));

const sign = (payload: string, opts: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET, ...(opts.timestamp && { timestamp: opts.timestamp }) });

const eventPayload = (type: string, object: Record<string, unknown>, id = `evt_test_${Math.random().toString(36).slice(2)}`) =>
  JSON.stringify({ id, object: "event", api_version: "2026-10-28.endive", created: Math.floor(Date.now() / 1000), type, data: { object }, livemode: false });

/** A paid signup through the onboarding service: the session waits for Stripe with its checkout. */
async function paidSignup(slug: string) {
  const created = await createOnboarding({
    input: { platformName: `${slug} Ltd`, slug, tier: "growth", userId: "user-paid" },
    callerScope: "internal",
    customerEmail: "owner@example.test",
  });
  const row = await db().onboardingSession.findUniqueOrThrow({ where: { id: created.onboardingId }, select: { checkoutSessionId: true } });
  return { onboardingId: created.onboardingId, checkoutSessionId: row.checkoutSessionId!, view: created };
}

async function provisioningOf(onboardingId: string) {
  const session = await db().onboardingSession.findUniqueOrThrow({ where: { id: onboardingId } });
  const tenants = await db().tenant.findMany({ where: { slug: session.slug } });
  const jobs = await db().provisionJob.findMany({ where: { tenantId: { in: tenants.map((t) => t.id) } } });
  const dispatches = (await Promise.all(jobs.map((j) => currentBoss()!.findJobs("provisioning.dispatch", { data: { jobId: j.id } })))).flat();
  return { session, tenants, jobs, dispatches };
}

describe("POST /api/webhooks/stripe: signatures", () => {
  const payload = eventPayload("customer.created", { id: "cus_test_1", object: "customer" }, "evt_test_signed");
  const deliver = (signature: string | null, body = payload) => handleStripeWebhook({ rawBody: body, signature });

  it("accepts an event signed with the endpoint's secret", async () => {
    expect(await deliver(sign(payload))).toEqual({ status: 200, body: { received: true } });
    expect(await db().stripeEvent.findMany()).toEqual([expect.objectContaining({ id: "evt_test_signed", type: "customer.created", checkoutSessionId: null })]);
  });

  it.each([
    ["unsigned", () => null, "The Stripe-Signature header is missing"],
    ["signed with another secret", () => sign(payload, { secret: "whsec_somebodyElsesSecret000000000001" }), "does not match this endpoint's signing secret"],
    ["signed ten minutes ago", () => sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }), "more than 300 seconds old"],
    ["malformed", () => "v1=abc", "malformed"],
  ])("refuses an event %s with 400 and records nothing", async (_what, signature, message) => {
    const res = await deliver(signature());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringContaining(message) } });
    expect(await db().stripeEvent.count()).toBe(0);
  });

  it("refuses a body changed after signing", async () => {
    const res = await deliver(sign(payload), payload.replace("cus_test_1", "cus_test_2"));
    expect(res.status).toBe(400);
    expect(await db().stripeEvent.count()).toBe(0);
  });

  it("answers 404 with the reason when payments are not configured", async () => {
    configureStripeEnv({});
    const res = await deliver(sign(payload));
    expect(res).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: expect.stringContaining("STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET") } } });
  });

  it("the route reads the raw body and the Stripe-Signature header, and answers JSON with a request id", async () => {
    const request = (signature?: string) =>
      new Request("http://embark.test/api/webhooks/stripe", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "stripe-test-1", ...(signature && { "stripe-signature": signature }) },
        body: payload,
      });
    const ok = await POST(request(sign(payload)));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-request-id")).toBe("stripe-test-1");
    expect(await ok.json()).toEqual({ received: true });
    const unsigned = await POST(request());
    expect(unsigned.status).toBe(400);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
  });
});

describe("POST /api/webhooks/stripe: events", () => {
  it("a redelivered event is acknowledged as a duplicate and handled once", async () => {
    const payload = eventPayload("invoice.paid", { id: "in_test_1", object: "invoice" }, "evt_test_again");
    expect((await handleStripeWebhook({ rawBody: payload, signature: sign(payload) })).body).toEqual({ received: true });
    expect((await handleStripeWebhook({ rawBody: payload, signature: sign(payload) })).body).toEqual({ received: true, duplicate: true });
    expect(await db().stripeEvent.count()).toBe(1);
  });

  it("a paid signup: the buyer pays on Stripe's page, Stripe calls the webhook, provisioning starts", async () => {
    const { onboardingId, checkoutSessionId, view } = await paidSignup("paid-over-http");
    expect(view).toMatchObject({ paymentStatus: "awaiting_payment", status: "pending", jobId: null, checkoutUrl: `${fake.url}/c/pay/${checkoutSessionId}` });
    expect(fake.checkoutSessions).toContainEqual(expect.objectContaining({ id: checkoutSessionId, metadata: expect.objectContaining({ onboarding_id: onboardingId }) }));
    expect((await provisioningOf(onboardingId)).tenants).toHaveLength(0);

    const paid = await fetch(view.checkoutUrl!, { method: "POST", redirect: "manual" });
    expect(paid.headers.get("location")).toContain(`session=${onboardingId}&checkout=success`);

    const { session, tenants, jobs, dispatches } = await provisioningOf(onboardingId);
    expect(session).toMatchObject({ paymentStatus: "paid", status: "in_progress" });
    expect(tenants).toHaveLength(1);
    expect(jobs).toHaveLength(1);
    expect(dispatches).toHaveLength(1);
    expect(await db().stripeEvent.findMany()).toEqual([expect.objectContaining({ type: "checkout.session.completed", checkoutSessionId })]);
  });

  it("the same checkout.session.completed delivered three times leaves one event row and provisions once", async () => {
    const { onboardingId, checkoutSessionId } = await paidSignup("paid-thrice");
    // Completed on Stripe's side; the test delivers the very same event itself.
    const completed = await fake.completeCheckout(checkoutSessionId, { deliver: false });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await handleStripeWebhook({ rawBody: completed.payload, signature: sign(completed.payload) }));
    expect(answers.map((a) => a.body)).toEqual([
      { received: true, onboardingId, started: true },
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    expect(await db().stripeEvent.count()).toBe(1);
    const { tenants, jobs, dispatches } = await provisioningOf(onboardingId);
    expect([tenants.length, jobs.length, dispatches.length]).toEqual([1, 1, 1]);
  });

  it("three deliveries at once still provision once", async () => {
    const { onboardingId, checkoutSessionId } = await paidSignup("paid-racing");
    const completed = await fake.completeCheckout(checkoutSessionId, { deliver: false });
    const answers = await Promise.all([0, 1, 2].map(() => handleStripeWebhook({ rawBody: completed.payload, signature: sign(completed.payload) })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => (a.body as { started?: boolean }).started === true)).toHaveLength(1);
    const { jobs } = await provisioningOf(onboardingId);
    expect(jobs).toHaveLength(1);
    expect(await db().stripeEvent.count()).toBe(1);
  });

  it("another event for the same checkout (async_payment_succeeded, a resend with a new id) does not provision twice", async () => {
    const { onboardingId, checkoutSessionId } = await paidSignup("paid-two-events");
    const completed = await fake.completeCheckout(checkoutSessionId, { deliver: false });
    await handleStripeWebhook({ rawBody: completed.payload, signature: sign(completed.payload) });
    const object = completed.event.data.object as unknown as Record<string, unknown>;
    const second = eventPayload("checkout.session.async_payment_succeeded", object, "evt_test_second");
    expect((await handleStripeWebhook({ rawBody: second, signature: sign(second) })).body).toEqual({ received: true, onboardingId, started: false });
    expect(await db().stripeEvent.count()).toBe(2);
    const { tenants, jobs, dispatches } = await provisioningOf(onboardingId);
    expect([tenants.length, jobs.length, dispatches.length]).toEqual([1, 1, 1]);
  });

  it("a completed checkout that is not paid yet (a bank debit) starts nothing until its payment succeeds", async () => {
    const { onboardingId, checkoutSessionId } = await paidSignup("paid-later");
    const object = { id: checkoutSessionId, object: "checkout.session", status: "complete", payment_status: "unpaid" };
    const unpaid = eventPayload("checkout.session.completed", object, "evt_test_unpaid");
    expect((await handleStripeWebhook({ rawBody: unpaid, signature: sign(unpaid) })).body).toEqual({ received: true });
    expect((await provisioningOf(onboardingId)).session).toMatchObject({ paymentStatus: "awaiting_payment", status: "pending" });

    const succeeded = eventPayload("checkout.session.async_payment_succeeded", { ...object, payment_status: "paid" }, "evt_test_succeeded");
    expect((await handleStripeWebhook({ rawBody: succeeded, signature: sign(succeeded) })).body).toEqual({ received: true, onboardingId, started: true });
    expect((await provisioningOf(onboardingId)).jobs).toHaveLength(1);
  });

  it("acknowledges a paid checkout that belongs to no onboarding", async () => {
    const payload = eventPayload("checkout.session.completed", { id: "cs_test_elsewhere", object: "checkout.session", payment_status: "paid" });
    expect((await handleStripeWebhook({ rawBody: payload, signature: sign(payload) })).body).toEqual({ received: true, onboardingId: null });
    expect(await db().stripeEvent.findMany()).toEqual([expect.objectContaining({ checkoutSessionId: "cs_test_elsewhere" })]);
  });

  it("an unpaid checkout holds its slug against others, and its own user may start over", async () => {
    const first = await paidSignup("held-slug");
    await expect(
      createOnboarding({
        input: { platformName: "Someone Else", slug: "held-slug", tier: "growth", userId: "user-other" },
        callerScope: "internal",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("waiting for payment") });
    const again = await paidSignup("held-slug");
    expect(again.checkoutSessionId).not.toBe(first.checkoutSessionId);
    expect((await provisioningOf(first.onboardingId)).session).toMatchObject({ status: "failed", error: `Replaced by ${again.onboardingId} before payment` });
    // Paying the replaced checkout starts nothing; paying the new one provisions.
    const old = await fake.completeCheckout(first.checkoutSessionId, { deliver: false });
    expect((await handleStripeWebhook({ rawBody: old.payload, signature: sign(old.payload) })).body).toMatchObject({ started: false });
    const fresh = await fake.completeCheckout(again.checkoutSessionId, { deliver: false });
    expect((await handleStripeWebhook({ rawBody: fresh.payload, signature: sign(fresh.payload) })).body).toMatchObject({ started: true });
    expect((await provisioningOf(again.onboardingId)).jobs).toHaveLength(1);
  });
});
