import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { restCall } from "../../../../test/support/rest-call";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { configureStripeEnv } from "@/server/integrations/stripe/stripe-test-env";
import { signStripePayload, startFakeStripe, type TFakeStripe } from "@/server/integrations/stripe/stripe-test-server";
import { handleStripeWebhook } from "@/server/services/payments/handle-stripe-webhook";
import { startApplianceOrder } from "./appliance-checkout";
import { getApplianceOrderStatus } from "./get-appliance-order-status";
import { applyLicensingEnv, verifyLicence } from "./licensing-test-support";
import { REISSUE_ACCEPTED_MESSAGE, requestReissueByEmail } from "./request-reissue-by-email";

const KEY = "sk_test_applianceTestKey0000000000001";
const SECRET = "whsec_applianceTestSecret000000000001";
let fake: TFakeStripe;

const deliver = (payload: string, signature = signStripePayload(payload, SECRET)) => handleStripeWebhook({ rawBody: payload, signature });
const order = (edition: "essentials" | "pro" | "premium", email = "buyer@paid.example") =>
  startApplianceOrder({ input: { company_name: "Buyer Ltd", contact_email: email, edition }, headers: new Headers() });

beforeAll(async () => {
  await startJobRuntime({ role: "web" });
  fake = await startFakeStripe({ secretKey: KEY });
});
afterAll(async () => {
  await fake.close();
  configureStripeEnv({});
  await stopJobRuntime();
});
beforeEach(async () => {
  await resetDatabase();
  applyLicensingEnv();
  configureStripeEnv({
    STRIPE_SECRET_KEY: KEY,
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_API_URL: fake.url,
    STRIPE_PRICE_APPLIANCE_PRO: "price_appliance_pro",
    STRIPE_PRICE_APPLIANCE_PREMIUM: "price_appliance_premium",
  });
});

async function paidCheckout(edition: "pro" | "premium" = "pro") {
  const answer = await order(edition);
  if (answer.kind !== "checkout") throw new Error("expected a checkout");
  const session = fake.checkoutSessions.find((s) => answer.checkout_url.includes(s.id))!;
  return { answer, session };
}

describe("appliance orders through Stripe Checkout", () => {
  it("registers the tenant and opens a subscription checkout with the edition's price and metadata", async () => {
    const { answer, session } = await paidCheckout("premium");
    const request = fake.requests.find((r) => r.method === "POST" && r.path === "/v1/checkout/sessions")!;
    expect(request.params).toMatchObject({
      mode: "subscription",
      line_items: [{ price: "price_appliance_premium", quantity: "1" }],
      client_reference_id: answer.tenant_id,
      customer_email: "buyer@paid.example",
      metadata: { product: "appliance", registry_tenant_id: answer.tenant_id, edition: "premium" },
      subscription_data: { metadata: { product: "appliance", registry_tenant_id: answer.tenant_id, edition: "premium" } },
      success_url: "http://localhost:3000/order/appliance/thank-you?session_id={CHECKOUT_SESSION_ID}",
    });
    expect(request.headers["idempotency-key"]).toBe(`appliance-checkout:${answer.tenant_id}`);
    expect(session.mode).toBe("subscription");
    expect(await db().registryTenant.findUniqueOrThrow({ where: { id: answer.tenant_id } })).toMatchObject({ edition: "premium" });
    expect(await db().installCode.count()).toBe(0);
    expect(await getApplianceOrderStatus({ sessionId: session.id })).toEqual({ state: "pending" });
  });

  it("essentials needs no Stripe and answers the code at once", async () => {
    const before = fake.requests.length;
    const answer = await order("essentials", "free@essentials.example");
    expect(answer).toMatchObject({ kind: "code", install_code: expect.stringMatching(/^[0-9A-Z]{4}-/) });
    expect(fake.requests).toHaveLength(before);
  });

  it("refuses a paid edition without its price, naming the variable", async () => {
    configureStripeEnv({ STRIPE_SECRET_KEY: KEY, STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: fake.url });
    await expect(order("pro")).rejects.toThrow("STRIPE_PRICE_APPLIANCE_PRO");
  });

  it("makes one entitlement, one code and one email from a completed event delivered three times, a second event for the same checkout and an earlier subscription update", async () => {
    const { answer, session } = await paidCheckout();
    const completed = await fake.completeCheckout(session.id, { deliver: false });
    const periodEnd = Math.floor(Date.now() / 1000) + 40 * 86_400;
    const updated = await fake.changeSubscription(session.id, { type: "customer.subscription.updated", status: "active", currentPeriodEnd: periodEnd, deliver: false });

    expect((await deliver(updated.payload)).status).toBe(200);
    const answers = [await deliver(completed.payload), await deliver(completed.payload), await deliver(completed.payload)];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[1]!.body).toMatchObject({ duplicate: true });
    const secondEvent = completed.payload.replace(completed.event.id, "evt_test_sameCheckoutOtherEvent0001");
    expect((await deliver(secondEvent)).body).toMatchObject({ appliance: { minted: false } });

    const entitlements = await db().licenseEntitlement.findMany();
    expect(entitlements).toHaveLength(1);
    expect(entitlements[0]).toMatchObject({
      tenantId: answer.tenant_id,
      edition: "pro",
      status: "active",
      checkoutSessionId: session.id,
      stripeSubscriptionId: session.subscription,
    });
    expect(entitlements[0]!.currentPeriodEnd!.getTime()).toBe(periodEnd * 1000);
    expect(await db().installCode.count()).toBe(1);
    expect(await db().outboxMessage.count()).toBe(1);

    const shown = await getApplianceOrderStatus({ sessionId: session.id });
    expect(shown).toMatchObject({ state: "ready", tenant_id: answer.tenant_id, edition: "pro", email: "buyer@paid.example" });
    const again = await getApplianceOrderStatus({ sessionId: session.id });
    expect(again).toEqual(shown);
    expect(await db().installCode.count()).toBe(1);

    const code = (shown as { install_code: string }).install_code;
    const redeemed = await restCall("POST", "/v1/license/register", { body: { install_code: code, appliance_id: "paid-box" }, token: null });
    expect(redeemed.status).toBe(200);
    expect((await verifyLicence(redeemed.body.first_jwt, answer.tenant_id)).entitlement_id).toBe(entitlements[0]!.id);
  });

  it("keeps the code sealed only until it has been shown and emailed", async () => {
    const { session } = await paidCheckout();
    const completed = await fake.completeCheckout(session.id, { deliver: false });
    await deliver(completed.payload);
    const row = await db().installCode.findFirstOrThrow();
    expect(row.sealedCode).toMatch(/^enc:v1:/);
    await getApplianceOrderStatus({ sessionId: session.id });
    await db().outboxMessage.update({ where: { id: row.outboxMessageId! }, data: { status: "sent" } });
    expect((await getApplianceOrderStatus({ sessionId: session.id })).state).toBe("ready");
    expect((await db().installCode.findFirstOrThrow()).sealedCode).toBeNull();
    expect(await getApplianceOrderStatus({ sessionId: session.id })).toMatchObject({ state: "emailed", email: "buyer@paid.example" });
    expect(await db().installCode.count()).toBe(1);
  });

  it("follows the subscription: a deletion lapses the entitlement and a late update does not revive it", async () => {
    const { session } = await paidCheckout();
    await deliver((await fake.completeCheckout(session.id, { deliver: false })).payload);
    const late = await fake.changeSubscription(session.id, { type: "customer.subscription.updated", status: "past_due", deliver: false });
    const deleted = await fake.changeSubscription(session.id, { type: "customer.subscription.deleted", status: "canceled", deliver: false });
    await deliver(deleted.payload);
    await deliver(late.payload);
    expect((await db().licenseEntitlement.findFirstOrThrow()).status).toBe("canceled");
  });

  it("refuses unsigned and stale deliveries and records nothing", async () => {
    const { session } = await paidCheckout();
    const completed = await fake.completeCheckout(session.id, { deliver: false });
    expect((await handleStripeWebhook({ rawBody: completed.payload, signature: null })).status).toBe(400);
    const stale = signStripePayload(completed.payload, SECRET, Math.floor(Date.now() / 1000) - 600);
    expect((await deliver(completed.payload, stale)).status).toBe(400);
    expect(await db().licenseEntitlement.count()).toBe(0);
    expect(await db().stripeEvent.count()).toBe(0);
  });
});

describe("reissue by email", () => {
  it("answers the same for a known and an unknown address, and only the known one gets a new code", async () => {
    const first = await order("essentials", "known@reissue.example");
    const known = await requestReissueByEmail({ email: "known@reissue.example", headers: new Headers() });
    const unknown = await requestReissueByEmail({ email: "stranger@reissue.example", headers: new Headers() });
    expect(known).toEqual({ message: REISSUE_ACCEPTED_MESSAGE });
    expect(unknown).toEqual(known);
    expect(await db().installCode.count()).toBe(2);
    expect(await db().outboxMessage.count({ where: { to: "stranger@reissue.example" } })).toBe(0);
    const redeemOld = await restCall("POST", "/v1/license/register", {
      body: { install_code: (first as { install_code: string }).install_code, appliance_id: "box" },
      token: null,
    });
    expect(redeemOld.status).toBe(422);
  });
});
