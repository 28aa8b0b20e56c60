import Stripe from "stripe";
import { env } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { errorBody } from "@/server/errors";
import { PAYMENTS_NOT_CONFIGURED, stripeClient } from "@/server/integrations/stripe/stripe-client";
import { logger } from "@/server/logger";
import { readBodyCapped } from "@/server/rest/read-body-capped";
import { requestIdFrom } from "@/server/trpc/context";
import { onCheckoutCompleted } from "@/server/services/onboarding/on-checkout-completed";
import { routeApplianceStripeEvent } from "@/server/services/licensing/on-appliance-stripe-event";

/** How old a signed event may be, in seconds: Stripe's own default, which stops replays of captured deliveries. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** What the route answers: an HTTP status and a JSON body. */
export type TStripeWebhookAnswer = { status: number; body: unknown };

/** Events that mean a checkout is paid for and its onboarding may start. */
const PAID_CHECKOUT_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/**
 * Takes one Stripe webhook delivery: verifies its signature against
 * STRIPE_WEBHOOK_SECRET, then in one transaction records the event id (a
 * redelivery is acknowledged and does nothing) and, for a paid checkout,
 * starts the onboarding it pays for. A failure answers 500 with nothing
 * recorded, so Stripe's retry processes the event again.
 */
export async function handleStripeWebhook(opts: {
  rawBody: string;
  signature: string | null;
  requestId?: string;
  db?: TDb;
}): Promise<TStripeWebhookAnswer> {
  const log = logger.child({ requestId: opts.requestId, webhook: "stripe" });
  const stripe = stripeClient();
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) {
    return refuse(404, "NOT_FOUND", `${PAYMENTS_NOT_CONFIGURED}, so Stripe webhooks are not accepted`);
  }
  if (!opts.signature) return refuse(400, "BAD_REQUEST", "The Stripe-Signature header is missing");

  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(opts.rawBody, opts.signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (err) {
    // Only the message: the SDK's error carries the signature header and the payload.
    const reason = signatureProblem(err);
    log.warn({ reason }, "stripe webhook: refused a delivery");
    return refuse(400, "BAD_REQUEST", reason);
  }

  const checkoutSessionId = event.type.startsWith("checkout.session.") ? (event.data.object as { id?: string }).id ?? null : null;
  try {
    const outcome = await (opts.db ?? defaultDb()).$transaction(async (tx) => {
      const recorded = await tx.stripeEvent.createMany({
        data: [{ id: event.id, type: event.type, checkoutSessionId }],
        skipDuplicates: true,
      });
      if (recorded.count === 0) return { duplicate: true } as const;
      // Appliance orders (metadata.product = appliance) belong to licensing.
      const appliance = await routeApplianceStripeEvent({ db: tx, event, paid: isPaid(event) });
      if (appliance !== undefined) return { appliance } as const;
      if (!checkoutSessionId || !PAID_CHECKOUT_EVENTS.has(event.type) || !isPaid(event)) return { handled: false } as const;
      return { handled: true, checkout: await onCheckoutCompleted({ db: tx, checkoutSessionId, eventId: event.id }) } as const;
    });
    const facts = { eventId: event.id, type: event.type, checkoutSessionId };
    if ("duplicate" in outcome) {
      log.info(facts, "stripe webhook: event already handled");
      return { status: 200, body: { received: true, duplicate: true } };
    }
    if ("appliance" in outcome) {
      log.info({ ...facts, appliance: outcome.appliance }, "stripe webhook: appliance order event");
      return { status: 200, body: { received: true, appliance: outcome.appliance } };
    }
    if (!outcome.handled) {
      log.info(facts, "stripe webhook: event recorded, nothing to do");
      return { status: 200, body: { received: true } };
    }
    if (!outcome.checkout) {
      // Not ours (another product on the same Stripe account): acknowledged so Stripe stops sending it.
      log.warn(facts, "stripe webhook: no onboarding session has this checkout");
      return { status: 200, body: { received: true, onboardingId: null } };
    }
    log.info({ ...facts, ...outcome.checkout }, "stripe webhook: checkout paid");
    return { status: 200, body: { received: true, ...outcome.checkout } };
  } catch (err) {
    log.error({ err, eventId: event.id, type: event.type }, "stripe webhook: handling the event failed");
    return refuse(500, "INTERNAL", "Internal server error");
  }
}

/** Stripe events are small; anything larger is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/** POST /api/webhooks/stripe: the raw body (signatures cover its exact bytes) and the request id in, JSON out. */
export async function handleStripeWebhookRequest(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const headers = { "cache-control": "no-store", "x-request-id": requestId };
  const rawBody = await readBodyCapped(req, MAX_BODY_BYTES);
  const answer =
    rawBody === null
      ? refuse(413, "PAYLOAD_TOO_LARGE", `The request body exceeds ${MAX_BODY_BYTES} bytes`)
      : await handleStripeWebhook({ rawBody, signature: req.headers.get("stripe-signature"), requestId });
  return Response.json(answer.body, { status: answer.status, headers });
}

/** A checkout counts as paid once Stripe says so; free checkouts (a trial, a 100% coupon) need no payment. */
function isPaid(event: Stripe.Event): boolean {
  const status = (event.data.object as { payment_status?: string }).payment_status;
  return status === "paid" || status === "no_payment_required";
}

function signatureProblem(err: unknown): string {
  if (!(err instanceof Stripe.errors.StripeSignatureVerificationError)) {
    return "The webhook body is not a Stripe event (it is not JSON)";
  }
  if (/tolerance/i.test(err.message)) {
    return `The Stripe-Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds old (a stale or replayed delivery)`;
  }
  if (/extract timestamp|expected scheme/i.test(err.message)) return "The Stripe-Signature header is malformed";
  return "The Stripe-Signature does not match this endpoint's signing secret (STRIPE_WEBHOOK_SECRET)";
}

function refuse(status: number, code: string, message: string): TStripeWebhookAnswer {
  return { status, body: errorBody(code, message) };
}
