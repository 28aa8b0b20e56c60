import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStripeClient } from "./stripe-client";
import { signStripePayload, startFakeStripe, type TFakeStripe } from "./stripe-test-server";
import { canonicalParams, maskKey, parseStripeForm } from "./stripe-test-server-rules";

const KEY = "sk_test_fakeStripeKey0000000000000001";
const SECRET = "whsec_fakeStripeWebhookSecret000000001";

const PRICES = { price_growth: { unitAmount: 4900, currency: "usd", interval: "month" as const } };

let fake: TFakeStripe;
beforeEach(async () => {
  fake = await startFakeStripe({ secretKey: KEY, prices: PRICES });
});
afterEach(() => fake.close());

const CHECKOUT =
  "mode=subscription&line_items[0][price]=price_growth&line_items[0][quantity]=1&metadata[onboarding_id]=onb_1" +
  "&client_reference_id=onb_1&success_url=https%3A%2F%2Fembark.test%2Fok&cancel_url=https%3A%2F%2Fembark.test%2Fno";

async function call(method: string, path: string, body?: string, headers: Record<string, string> = {}, key: string | null = KEY) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...(key && { authorization: `Bearer ${key}` }), ...(body !== undefined && { "content-type": "application/x-www-form-urlencoded" }), ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- Stripe's JSON, read by assertions
}

describe("Stripe's form encoding", () => {
  it("nests bracket keys and turns 0..n-1 keys into arrays", () => {
    expect(parseStripeForm("a=1&line_items[0][price]=p&line_items[1][price_data][unit_amount]=5&metadata[k]=v%20w&list[]=x&list[]=y")).toEqual({
      a: "1",
      line_items: [{ price: "p" }, { price_data: { unit_amount: "5" } }],
      metadata: { k: "v w" },
      list: ["x", "y"],
    });
    expect(parseStripeForm("")).toEqual({});
  });

  it("compares parameters whatever their order", () => {
    expect(canonicalParams(parseStripeForm("a=1&b[x]=2&b[y]=3"))).toBe(canonicalParams(parseStripeForm("b[y]=3&a=1&b[x]=2")));
    expect(canonicalParams(parseStripeForm("a=1"))).not.toBe(canonicalParams(parseStripeForm("a=2")));
  });

  it("shows keys only masked", () => {
    expect(maskKey(KEY)).toMatch(/^sk_test_\*+0001$/);
    expect(maskKey(KEY)).not.toContain("fakeStripeKey");
  });
});

describe("fake Stripe", () => {
  it("creates a Checkout Session shaped like Stripe's", async () => {
    const res = await call("POST", "/v1/checkout/sessions", CHECKOUT);
    expect(res.status).toBe(200);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^cs_test_[A-Za-z0-9]{58}$/),
      object: "checkout.session",
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      amount_total: 4900,
      currency: "usd",
      metadata: { onboarding_id: "onb_1" },
      client_reference_id: "onb_1",
      customer_email: null,
      success_url: "https://embark.test/ok",
      url: `${fake.url}/c/pay/${res.json.id}`,
    });
    expect(fake.checkoutSessions.map((s) => s.id)).toEqual([res.json.id]);
    expect((await call("GET", `/v1/checkout/sessions/${res.json.id}`)).json).toEqual(res.json);
  });

  it("answers 401 with Stripe's error object without a key or with another key", async () => {
    const none = await call("POST", "/v1/checkout/sessions", CHECKOUT, {}, null);
    expect(none.status).toBe(401);
    expect(none.json.error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") });
    const wrong = await call("GET", "/v1/checkout/sessions/cs_test_x", undefined, {}, "sk_test_somebodyElse0000000000009999");
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toMatch(/^Invalid API Key provided: sk_test_\*+9999$/);
    expect(fake.checkoutSessions).toHaveLength(0);
  });

  it.each([
    ["mode", CHECKOUT.replace("mode=subscription&", ""), "Missing required param: mode."],
    ["success_url", CHECKOUT.replace(/&success_url=[^&]+/, ""), "Missing required param: success_url."],
    ["the price", CHECKOUT.replace("line_items[0][price]=price_growth&", ""), "You must specify either `price` or `price_data`"],
    ["a known price", CHECKOUT.replace("price_growth", "price_nope"), "No such price: 'price_nope'"],
    ["a recurring price", CHECKOUT.replace("line_items[0][price]=price_growth", "line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=5&line_items[0][price_data][product_data][name]=X"), "recurring price"],
  ])("refuses a checkout without %s with 400 invalid_request_error", async (_what, body, message) => {
    const res = await call("POST", "/v1/checkout/sessions", body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ type: "invalid_request_error", message: expect.stringContaining(message) });
    expect(fake.checkoutSessions).toHaveLength(0);
  });

  it("refuses JSON bodies and unknown routes as Stripe does", async () => {
    const json = await call("POST", "/v1/checkout/sessions", JSON.stringify({ mode: "subscription" }), { "content-type": "application/json" });
    expect(json.status).toBe(400);
    expect(json.json.error.message).toContain("application/x-www-form-urlencoded");
    const missing = await call("GET", "/v1/checkout/sessions/cs_test_missing");
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: "resource_missing", message: "No such checkout.session: 'cs_test_missing'" });
    expect((await call("GET", "/v1/nothing")).status).toBe(404);
  });

  it("replays an Idempotency-Key with the same body and refuses it with another body", async () => {
    const first = await call("POST", "/v1/checkout/sessions", CHECKOUT, { "idempotency-key": "k1" });
    const replay = await call("POST", "/v1/checkout/sessions", CHECKOUT, { "idempotency-key": "k1" });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("request-id")).toBe(first.headers.get("request-id"));

    const changed = await call("POST", "/v1/checkout/sessions", CHECKOUT.replace("onb_1&", "onb_2&"), { "idempotency-key": "k1" });
    expect(changed.status).toBe(400);
    expect(changed.json.error).toMatchObject({ type: "idempotency_error", message: expect.stringContaining("same parameters") });

    const otherKey = await call("POST", "/v1/checkout/sessions", CHECKOUT, { "idempotency-key": "k2" });
    expect(otherKey.json.id).not.toBe(first.json.id);
    expect(fake.checkoutSessions).toHaveLength(2);
  });

  it("does not keep a refused request under its Idempotency-Key", async () => {
    expect((await call("POST", "/v1/checkout/sessions", CHECKOUT.replace("mode=subscription&", ""), { "idempotency-key": "k" })).status).toBe(400);
    expect((await call("POST", "/v1/checkout/sessions", CHECKOUT, { "idempotency-key": "k" })).status).toBe(200);
  });

  it("answers scripted errors once each", async () => {
    fake.respondWith({ status: 500 }, { status: 429, type: "invalid_request_error", message: "Too many requests" });
    expect((await call("POST", "/v1/checkout/sessions", CHECKOUT)).json.error.type).toBe("api_error");
    expect((await call("POST", "/v1/checkout/sessions", CHECKOUT)).status).toBe(429);
    expect((await call("POST", "/v1/checkout/sessions", CHECKOUT)).status).toBe(200);
  });

  it("serves the real SDK: bracket notation, Bearer key, retrieve, typed errors", async () => {
    const stripe = createStripeClient({ secretKey: KEY, apiUrl: fake.url });
    const created = await stripe.checkout.sessions.create(
      {
        mode: "subscription",
        line_items: [{ price: "price_growth", quantity: 1 }],
        metadata: { onboarding_id: "onb_sdk" },
        client_reference_id: "onb_sdk",
        customer_email: "owner@example.test",
        success_url: "https://embark.test/ok",
      },
      { idempotencyKey: "sdk-1" },
    );
    expect(created).toMatchObject({ object: "checkout.session", metadata: { onboarding_id: "onb_sdk" }, customer_email: "owner@example.test" });
    expect(fake.requests[0]!.headers["idempotency-key"]).toBe("sdk-1");
    expect(fake.requests[0]!.params).toMatchObject({ line_items: [{ price: "price_growth", quantity: "1" }], metadata: { onboarding_id: "onb_sdk" } });
    expect((await stripe.checkout.sessions.retrieve(created.id)).id).toBe(created.id);
    await expect(stripe.checkout.sessions.retrieve("cs_test_nope")).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const stranger = createStripeClient({ secretKey: "sk_test_notTheKey000000000000000000", apiUrl: fake.url });
    await expect(stranger.checkout.sessions.retrieve(created.id)).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});

describe("completing a checkout", () => {
  let receiver: Server;
  let received: { headers: Record<string, string | string[] | undefined>; body: string }[];

  beforeEach(async () => {
    received = [];
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    await fake.close();
    fake = await startFakeStripe({ prices: PRICES, webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, secret: SECRET } });
  });
  afterEach(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it("marks it paid and delivers checkout.session.completed signed as Stripe signs it", async () => {
    const session = (await call("POST", "/v1/checkout/sessions", CHECKOUT)).json;
    const completed = await fake.completeCheckout(session.id);
    expect(completed.delivery).toEqual({ status: 200, body: '{"received":true}' });
    expect(fake.checkoutSessions[0]).toMatchObject({ status: "complete", payment_status: "paid", url: null, subscription: expect.stringMatching(/^sub_test_/) });

    const [delivery] = received;
    expect(delivery!.body).toBe(completed.payload);
    const event = Stripe.webhooks.constructEvent(delivery!.body, String(delivery!.headers["stripe-signature"]), SECRET);
    expect(event).toMatchObject({ id: expect.stringMatching(/^evt_test_/), type: "checkout.session.completed", data: { object: { id: session.id, payment_status: "paid" } } });
    expect(() => Stripe.webhooks.constructEvent(delivery!.body, String(delivery!.headers["stripe-signature"]), "whsec_another")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    await expect(fake.completeCheckout(session.id)).rejects.toThrow(/is complete/);
  });

  it("signs like the SDK's own test header", () => {
    const payload = '{"id":"evt_1"}';
    expect(signStripePayload(payload, SECRET, 1_700_000_000)).toBe(Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: 1_700_000_000 }));
  });

  it("completes from its hosted page and sends the buyer to success_url", async () => {
    const session = (await call("POST", "/v1/checkout/sessions", CHECKOUT.replace("%2Fok", "%2Fok%3Fcs%3D%7BCHECKOUT_SESSION_ID%7D"))).json;
    expect(await (await fetch(session.url)).text()).toContain("49.00 USD");
    const paid = await fetch(session.url, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`https://embark.test/ok?cs=${session.id}`);
    expect(received).toHaveLength(1);
  });
});

describe("Prices through the real SDK", () => {
  it("retrieves a known price, recurring, with Stripe's fields", async () => {
    const stripe = createStripeClient({ secretKey: KEY, apiUrl: fake.url });
    const price = await stripe.prices.retrieve("price_growth");
    expect(price).toMatchObject({
      id: "price_growth",
      object: "price",
      active: true,
      currency: "usd",
      unit_amount: 4900,
      type: "recurring",
      recurring: { interval: "month", interval_count: 1 },
    });
    expect(fake.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/prices/price_growth" });
  });

  it("answers an unknown price as Stripe does, and refuses a wrong key", async () => {
    const stripe = createStripeClient({ secretKey: KEY, apiUrl: fake.url });
    const missing = await stripe.prices.retrieve("price_nope").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ code: "resource_missing", param: "price", statusCode: 404 });
    const wrongKey = createStripeClient({ secretKey: "sk_test_anotherKey000000000000000001", apiUrl: fake.url });
    await expect(wrongKey.prices.retrieve("price_growth")).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});
