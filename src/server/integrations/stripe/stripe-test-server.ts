import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { randomFrom } from "@/server/services/shared/random-id";
import { listenOnLoopback } from "../loopback-server";
import {
  authenticationProblem,
  bearerOrBasicKey,
  canonicalParams,
  parseStripeForm,
  priceCheckoutLines,
  type TFakePrice,
  type TFormObject,
  type TStripeError,
} from "./stripe-test-server-rules";

/** One request as the fake Stripe received it; `params` is the form body, nested. */
export type TFakeStripeRequest = { method: string; path: string; headers: IncomingHttpHeaders; params: TFormObject };

/** A Checkout Session as Stripe describes it (the fields Embark reads, and a few more). */
export type TFakeCheckoutSession = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string | null;
  customer: string | null;
  customer_email: string | null;
  expires_at: number;
  livemode: false;
  metadata: Record<string, string>;
  mode: string;
  payment_status: "unpaid" | "paid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  subscription: string | null;
  success_url: string | null;
  ui_mode: string;
  url: string | null;
};

/** A subscription as `customer.subscription.*` events carry it (the fields Embark reads). */
export type TFakeSubscription = {
  id: string;
  object: "subscription";
  customer: string | null;
  status: string;
  metadata: Record<string, string>;
  items: { object: "list"; data: { id: string; object: "subscription_item"; current_period_end: number }[] };
};

/** An event as Stripe sends it to a webhook endpoint. */
export type TFakeStripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: TFakeCheckoutSession | TFakeSubscription };
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
};

/** A completed checkout: its event, the exact body Stripe signs, and the answer of the webhook endpoint when one is set. */
export type TCompletedCheckout = { event: TFakeStripeEvent; payload: string; delivery: { status: number; body: string } | null };

/** A scripted answer to the next API call: an error status, Stripe's error type and message. */
export type TFakeStripeAnswer = { status: number; type?: string; message?: string; shouldRetry?: boolean };

export type TFakeStripe = {
  /** API base URL, e.g. http://127.0.0.1:PORT (what STRIPE_API_URL is set to). */
  url: string;
  requests: TFakeStripeRequest[];
  /** Every Checkout Session created, oldest first. */
  checkoutSessions: TFakeCheckoutSession[];
  /** Events sent (or built, without a webhook endpoint), oldest first. */
  events: TFakeStripeEvent[];
  /** Queues error answers for the next API calls, one per call. */
  respondWith(...answers: TFakeStripeAnswer[]): void;
  /**
   * Marks a session complete and paid (or no_payment_required at amount 0),
   * builds its `checkout.session.completed` event and, with a webhook endpoint,
   * delivers it signed (unless `deliver: false`, for tests that deliver it themselves).
   */
  completeCheckout(id: string, opts?: { deliver?: boolean }): Promise<TCompletedCheckout>;
  /**
   * The subscription of a completed checkout changes: builds (and, with a
   * webhook endpoint, delivers) `customer.subscription.updated` or `.deleted`
   * carrying the checkout's `subscription_data.metadata`.
   */
  changeSubscription(
    checkoutSessionId: string,
    change: { type: "customer.subscription.updated" | "customer.subscription.deleted"; status: string; currentPeriodEnd?: number; deliver?: boolean },
  ): Promise<TCompletedCheckout>;
  close(): Promise<void>;
};

export type TFakeStripeOptions = {
  /** When set, other keys get 401; otherwise any sk_/rk_ key is accepted. */
  secretKey?: string;
  /** Prices the fake knows; when set, other price ids are refused with "No such price". */
  prices?: Record<string, TFakePrice>;
  /** Where completed checkouts are delivered, signed with `secret` as Stripe signs webhooks. */
  webhook?: { url: string; secret: string };
};

/** The price of any `price_` id when no price list is given. */
const FALLBACK_PRICE: TFakePrice = { unitAmount: 1000, currency: "usd", interval: "month" };
const API_VERSION = "2026-10-28.endive";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const stripeId = (prefix: string, length = 24) => `${prefix}_${randomFrom(ALNUM, length)}`;
const now = () => Math.floor(Date.now() / 1000);

type TStored = { method: string; path: string; params: string; status: number; body: string; requestId: string };

/**
 * A fake Stripe API on 127.0.0.1 and a random port, speaking the part of
 * Stripe's REST protocol Embark uses (Checkout Sessions) as the real SDK sends
 * it: form bodies in bracket notation, Bearer keys, Idempotency-Key replay;
 * and Prices, read (`GET /v1/prices/:id`) as the wizard shows them. It
 * also serves a bare hosted-checkout page at each session's `url` whose button
 * completes the session, for browser tests.
 */
export async function startFakeStripe(opts: TFakeStripeOptions = {}): Promise<TFakeStripe> {
  const requests: TFakeStripeRequest[] = [];
  const checkoutSessions: TFakeCheckoutSession[] = [];
  const events: TFakeStripeEvent[] = [];
  const script: TFakeStripeAnswer[] = [];
  const idempotent = new Map<string, TStored>();
  // subscription_data.metadata of each checkout: what its subscription's events carry.
  const subscriptionMetadata = new Map<string, Record<string, string>>();
  let base = "";

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "request-id": headers["request-id"] ?? stripeId("req", 14),
      "stripe-version": API_VERSION,
      ...headers,
    });
    res.end(body);
  };
  const refuse = (res: ServerResponse, status: number, error: TStripeError, headers?: Record<string, string>) =>
    send(res, status, JSON.stringify({ error }, null, 2), headers);

  function createSession(res: ServerResponse, params: TFormObject, reply: (status: number, body: unknown) => void) {
    const priced = priceCheckoutLines(params, opts.prices, FALLBACK_PRICE);
    if ("error" in priced) return refuse(res, 400, priced.error);
    const id = stripeId("cs_test", 58);
    const created = now();
    const total = priced.lines.reduce((sum, l) => sum + l.unitAmount * l.quantity, 0);
    const text = (v: unknown) => (typeof v === "string" ? v : null);
    const metadata = params.metadata && typeof params.metadata === "object" && !Array.isArray(params.metadata) ? params.metadata : {};
    const subscriptionData = params.subscription_data && typeof params.subscription_data === "object" && !Array.isArray(params.subscription_data) ? params.subscription_data : {};
    const subMeta = subscriptionData.metadata && typeof subscriptionData.metadata === "object" && !Array.isArray(subscriptionData.metadata) ? subscriptionData.metadata : {};
    subscriptionMetadata.set(id, Object.fromEntries(Object.entries(subMeta).filter((e): e is [string, string] => typeof e[1] === "string")));
    const session: TFakeCheckoutSession = {
      id,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: text(params.cancel_url),
      client_reference_id: text(params.client_reference_id),
      created,
      currency: priced.lines[0]?.currency ?? null,
      customer: text(params.customer),
      customer_email: text(params.customer_email),
      expires_at: created + 24 * 3600,
      livemode: false,
      metadata: Object.fromEntries(Object.entries(metadata).filter((e): e is [string, string] => typeof e[1] === "string")),
      mode: String(params.mode),
      payment_status: "unpaid",
      status: "open",
      subscription: null,
      success_url: text(params.success_url),
      ui_mode: text(params.ui_mode) ?? "hosted",
      url: `${base}/c/pay/${id}`,
    };
    checkoutSessions.push(session);
    reply(200, session);
  }

  function retrieveSession(res: ServerResponse, id: string, reply: (status: number, body: unknown) => void) {
    const found = checkoutSessions.find((s) => s.id === id);
    if (!found) return refuse(res, 404, { type: "invalid_request_error", code: "resource_missing", param: "session", message: `No such checkout.session: '${id}'` });
    reply(200, found);
  }

  function retrievePrice(res: ServerResponse, id: string, reply: (status: number, body: unknown) => void) {
    const known = opts.prices ? opts.prices[id] : id.startsWith("price_") ? FALLBACK_PRICE : undefined;
    if (!known) return refuse(res, 404, { type: "invalid_request_error", code: "resource_missing", param: "price", message: `No such price: '${id}'` });
    reply(200, priceObject(id, known));
  }

  function api(req: IncomingMessage, res: ServerResponse, path: string, raw: string) {
    const params = req.method === "POST" ? parseStripeForm(raw) : {};
    requests.push({ method: req.method ?? "GET", path, headers: req.headers, params });
    const authProblem = authenticationProblem(req.headers.authorization, opts.secretKey);
    if (authProblem) return refuse(res, 401, authProblem, { "www-authenticate": 'Bearer realm="Stripe"' });
    if (req.method === "POST" && raw && !/^application\/x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "")) {
      return refuse(res, 400, {
        type: "invalid_request_error",
        message: "Invalid request (check that your POST content type is application/x-www-form-urlencoded).",
      });
    }
    const answer = script.shift();
    if (answer) {
      const headers: Record<string, string> = answer.shouldRetry === undefined ? {} : { "stripe-should-retry": String(answer.shouldRetry) };
      const type = answer.type ?? (answer.status >= 500 ? "api_error" : "invalid_request_error");
      return refuse(res, answer.status, { type, message: answer.message ?? "Something went wrong on Stripe's end." }, headers);
    }

    const keyHeader = req.headers["idempotency-key"];
    const scope = `${bearerOrBasicKey(req.headers.authorization)}\n${keyHeader}`;
    const canonical = canonicalParams(params);
    const stored = typeof keyHeader === "string" && req.method === "POST" ? idempotent.get(scope) : undefined;
    if (stored) {
      if (stored.method !== req.method || stored.path !== path) {
        return refuse(res, 400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.method} ${stored.path}' vs '${req.method} ${path}'). Try using a key other than '${keyHeader}' if you meant to execute a different request.`,
        });
      }
      if (stored.params !== canonical) {
        return refuse(res, 400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${keyHeader}' if you meant to execute a different request.`,
        });
      }
      return send(res, stored.status, stored.body, { "request-id": stored.requestId, "idempotency-key": keyHeader as string, "idempotent-replayed": "true" });
    }
    // Stripe keeps the result of a request that ran; a request refused by validation is not kept.
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body, null, 2);
      const requestId = stripeId("req", 14);
      if (typeof keyHeader === "string" && req.method === "POST") {
        idempotent.set(scope, { method: req.method, path, params: canonical, status, body: text, requestId });
      }
      send(res, status, text, { "request-id": requestId, ...(typeof keyHeader === "string" && { "idempotency-key": keyHeader }) });
    };

    if (req.method === "POST" && path === "/v1/checkout/sessions") return createSession(res, params, reply);
    const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (req.method === "GET" && one) return retrieveSession(res, decodeURIComponent(one[1]!), reply);
    const price = /^\/v1\/prices\/([^/]+)$/.exec(path);
    if (req.method === "GET" && price) return retrievePrice(res, decodeURIComponent(price[1]!), reply);
    refuse(res, 404, { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${path}).` });
  }

  async function completeCheckout(id: string, { deliver = true }: { deliver?: boolean } = {}): Promise<TCompletedCheckout> {
    const session = checkoutSessions.find((s) => s.id === id);
    if (!session) throw new Error(`fake Stripe: no checkout session ${id}`);
    if (session.status !== "open") throw new Error(`fake Stripe: checkout session ${id} is ${session.status}`);
    Object.assign(session, {
      status: "complete",
      payment_status: session.amount_total === 0 ? "no_payment_required" : "paid",
      url: null,
      customer: session.customer ?? stripeId("cus_test", 14),
      subscription: session.mode === "subscription" ? stripeId("sub_test", 24) : null,
    });
    const event: TFakeStripeEvent = {
      id: stripeId("evt_test", 24),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object: structuredClone(session) },
      livemode: false,
      pending_webhooks: opts.webhook && deliver ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type: "checkout.session.completed",
    };
    return deliverEvent(event, deliver);
  }

  /** Records an event and, with a webhook endpoint (and `deliver`), posts it signed as Stripe does. */
  async function deliverEvent(event: TFakeStripeEvent, deliver: boolean): Promise<TCompletedCheckout> {
    events.push(event);
    const payload = JSON.stringify(event, null, 2);
    if (!opts.webhook || !deliver) return { event, payload, delivery: null };
    const res = await fetch(opts.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signStripePayload(payload, opts.webhook.secret),
      },
      body: payload,
    });
    return { event, payload, delivery: { status: res.status, body: await res.text() } };
  }

  /** The subscription a completed checkout created changes (or ends): `customer.subscription.updated|deleted`. */
  function changeSubscription(
    checkoutSessionId: string,
    change: { type: "customer.subscription.updated" | "customer.subscription.deleted"; status: string; currentPeriodEnd?: number; deliver?: boolean },
  ): Promise<TCompletedCheckout> {
    const session = checkoutSessions.find((s) => s.id === checkoutSessionId);
    if (!session?.subscription) throw new Error(`fake Stripe: checkout session ${checkoutSessionId} has no subscription`);
    const periodEnd = change.currentPeriodEnd ?? now() + 30 * 86_400;
    const subscription: TFakeSubscription = {
      id: session.subscription,
      object: "subscription",
      customer: session.customer,
      status: change.status,
      metadata: { ...subscriptionMetadata.get(session.id) },
      items: { object: "list", data: [{ id: stripeId("si_test", 14), object: "subscription_item", current_period_end: periodEnd }] },
    };
    const event: TFakeStripeEvent = {
      id: stripeId("evt_test", 24),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object: subscription },
      livemode: false,
      pending_webhooks: opts.webhook && change.deliver !== false ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type: change.type,
    };
    return deliverEvent(event, change.deliver !== false);
  }

  function checkoutPage(req: IncomingMessage, res: ServerResponse, id: string) {
    const session = checkoutSessions.find((s) => s.id === id);
    if (!session) return send(res, 404, "Checkout session not found", { "content-type": "text/plain" });
    if (req.method === "POST") {
      const answer = session.status === "open" ? completeCheckout(id).then(() => undefined) : Promise.resolve();
      return void answer.then(
        () => {
          res.writeHead(303, { location: (session.success_url ?? base).replace("{CHECKOUT_SESSION_ID}", id) });
          res.end();
        },
        (err: unknown) => send(res, 502, String(err), { "content-type": "text/plain" }),
      );
    }
    const amount = `${(session.amount_total / 100).toFixed(2)} ${(session.currency ?? "").toUpperCase()}`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><title>Fake Stripe Checkout</title><h1>Fake Stripe Checkout</h1><p>${amount}</p>` +
        `<form method="post"><button type="submit">Pay</button></form>`,
    );
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const { pathname } = new URL(req.url ?? "/", "http://fake");
      const raw = Buffer.concat(chunks).toString("utf8");
      const page = /^\/c\/pay\/([^/]+)$/.exec(pathname);
      if (page) return checkoutPage(req, res, decodeURIComponent(page[1]!));
      api(req, res, pathname, raw);
    });
  });
  const listening = await listenOnLoopback(server);
  base = listening.url;

  return {
    url: base,
    requests,
    checkoutSessions,
    events,
    respondWith: (...answers) => void script.push(...answers),
    completeCheckout,
    changeSubscription,
    close() {
      return listening.close();
    },
  };
}

/** A Price object as Stripe returns it, for a price the fake knows. */
function priceObject(id: string, price: TFakePrice) {
  return {
    id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: now(),
    currency: price.currency,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: null,
    product: `prod_${id.replace(/^price_/, "").slice(0, 14)}`,
    recurring: price.interval
      ? { interval: price.interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: price.interval ? "recurring" : "one_time",
    unit_amount: price.unitAmount,
    unit_amount_decimal: String(price.unitAmount),
  };
}

/** A `Stripe-Signature` header as Stripe computes it: HMAC-SHA256 of `<t>.<payload>` keyed by the endpoint secret. */
export function signStripePayload(payload: string, secret: string, timestamp = now()): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
