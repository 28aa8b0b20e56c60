import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/env";
import { AppError } from "@/server/errors";
import { createCheckoutSession } from "./create-checkout-session";
import { stripeClient } from "./stripe-client";
import { configureStripeEnv } from "./stripe-test-env";
import { startFakeStripe, type TFakeStripe } from "./stripe-test-server";

const KEY = "sk_test_checkoutTestKey00000000000001";

let fake: TFakeStripe;
const configured = () => ({
  STRIPE_SECRET_KEY: KEY,
  STRIPE_WEBHOOK_SECRET: "whsec_checkoutTestSecret000000000001",
  STRIPE_API_URL: fake.url,
  STRIPE_PRICE_GROWTH: "price_growth_monthly",
  STRIPE_PRICE_SCALE: "price_scale_monthly",
});

beforeAll(async () => {
  fake = await startFakeStripe({
    secretKey: KEY,
    prices: {
      price_growth_monthly: { unitAmount: 4900, currency: "usd", interval: "month" },
      price_scale_monthly: { unitAmount: 19900, currency: "usd", interval: "month" },
    },
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.checkoutSessions.length = 0;
  configureStripeEnv(configured());
});
afterEach(() => configureStripeEnv({}));

const checkout = (onboardingId: string, tier: "growth" | "scale" = "growth") =>
  createCheckoutSession({
    onboardingId,
    tier,
    customerEmail: "owner@example.test",
    successUrl: `https://embark.test/onboarding?session=${onboardingId}&checkout=success`,
    cancelUrl: `https://embark.test/onboarding?session=${onboardingId}&checkout=cancelled`,
  });

async function appErrorOf(work: Promise<unknown>): Promise<AppError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("createCheckoutSession (the real SDK against a fake Stripe)", () => {
  it("creates a subscription checkout with the tier's price and the onboarding id", async () => {
    const created = await checkout("onb_checkout1", "scale");
    expect(created).toEqual({ id: expect.stringMatching(/^cs_test_/), url: `${fake.url}/c/pay/${created.id}` });
    const [request] = fake.requests;
    expect(request!.headers["idempotency-key"]).toBe("onboarding-checkout:onb_checkout1");
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.params).toMatchObject({
      mode: "subscription",
      line_items: [{ price: "price_scale_monthly", quantity: "1" }],
      metadata: { onboarding_id: "onb_checkout1" },
      client_reference_id: "onb_checkout1",
      customer_email: "owner@example.test",
      success_url: "https://embark.test/onboarding?session=onb_checkout1&checkout=success",
    });
    expect(fake.checkoutSessions[0]).toMatchObject({ amount_total: 19900, client_reference_id: "onb_checkout1" });
  });

  it("asking again for the same onboarding returns the same checkout: Stripe saw one creation", async () => {
    const first = await checkout("onb_twice");
    const second = await checkout("onb_twice");
    expect(second).toEqual(first);
    expect(fake.checkoutSessions).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
    expect((await checkout("onb_other")).id).not.toBe(first.id);
  });

  it("a checkout Stripe failed to answer is retried with the same key and made once", async () => {
    fake.respondWith({ status: 500 });
    const created = await checkout("onb_retried");
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual(["onboarding-checkout:onb_retried", "onboarding-checkout:onb_retried"]);
    expect(fake.checkoutSessions.map((s) => s.id)).toEqual([created.id]);
  });

  it("refuses a tier with no price, or a server without payments, before calling Stripe", async () => {
    configureStripeEnv({ ...configured(), STRIPE_PRICE_SCALE: undefined });
    const noPrice = await appErrorOf(checkout("onb_noprice", "scale"));
    expect(noPrice).toMatchObject({ code: "UNPROCESSABLE", message: "The scale plan has no Stripe price on this server (STRIPE_PRICE_SCALE)" });
    configureStripeEnv({});
    const off = await appErrorOf(checkout("onb_off"));
    expect(off).toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET") });
    expect(fake.requests).toHaveLength(0);
  });

  it("turns Stripe's refusals into AppErrors that say what to fix and never show the key", async () => {
    configureStripeEnv({ ...configured(), STRIPE_SECRET_KEY: "sk_test_revokedKey00000000000000000009" });
    const badKey = await appErrorOf(checkout("onb_badkey"));
    expect(badKey).toMatchObject({ code: "UNAVAILABLE", message: "Payments are misconfigured on this server: Stripe refused its API key" });
    expect(JSON.stringify({ message: badKey.message, details: badKey.details })).not.toContain("revokedKey");
    expect(badKey.details).toMatchObject({ provider: "stripe", stripeRequestId: expect.stringMatching(/^req_/) });

    configureStripeEnv({ ...configured(), STRIPE_PRICE_GROWTH: "price_deleted" });
    const badPrice = await appErrorOf(checkout("onb_badprice"));
    expect(badPrice).toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("No such price: 'price_deleted'") });
  });

  it("answers UNAVAILABLE when Stripe cannot be reached", async () => {
    const gone = await startFakeStripe();
    await gone.close();
    configureStripeEnv({ ...configured(), STRIPE_API_URL: gone.url });
    const down = await appErrorOf(checkout("onb_down"));
    expect(down).toMatchObject({ code: "UNAVAILABLE", message: "The payment provider is unavailable right now; try again in a minute" });
  });
});

describe("stripeClient", () => {
  it("is null without payments configured, and one client per configuration", () => {
    const first = stripeClient();
    expect(first).not.toBeNull();
    reloadEnv();
    expect(stripeClient()).toBe(first);
    configureStripeEnv({ ...configured(), STRIPE_SECRET_KEY: "sk_test_rotatedKey00000000000000000002" });
    expect(stripeClient()).not.toBe(first);
    configureStripeEnv({});
    expect(stripeClient()).toBeNull();
  });
});
