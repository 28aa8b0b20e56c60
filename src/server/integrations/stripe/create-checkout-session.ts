import Stripe from "stripe";
import { env, type TEnv } from "@/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { PAYMENTS_NOT_CONFIGURED, PRICE_VARIABLE, stripeClient, stripeConfigured, type TPaidTier } from "./stripe-client";

/** Why a paid tier cannot be bought here, or null when it can: payments configured and the tier's price set. */
export function paidTierProblem(
  tier: TPaidTier,
  config: Pick<TEnv, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_PRICE_GROWTH" | "STRIPE_PRICE_SCALE"> = env(),
): string | null {
  if (!stripeConfigured(config)) return PAYMENTS_NOT_CONFIGURED;
  const variable = PRICE_VARIABLE[tier];
  return config[variable] ? null : `The ${tier} plan has no Stripe price on this server (${variable})`;
}

/**
 * Starts a Stripe Checkout subscription for an onboarding's paid tier. The
 * Idempotency-Key is derived from the onboarding id, so a retry (ours or the
 * SDK's) gets the same session back instead of a second checkout.
 */
export async function createCheckoutSession(opts: {
  onboardingId: string;
  tier: TPaidTier;
  customerEmail?: string | null;
  successUrl: string;
  cancelUrl: string;
}): Promise<{ id: string; url: string }> {
  const config = env();
  const problem = paidTierProblem(opts.tier, config);
  const stripe = stripeClient();
  if (problem || !stripe) {
    throw new AppError("UNPROCESSABLE", { message: problem ?? PAYMENTS_NOT_CONFIGURED, details: { field: "tier", provider: "stripe", notOffered: true } });
  }
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "subscription",
        line_items: [{ price: config[PRICE_VARIABLE[opts.tier]]!, quantity: 1 }],
        client_reference_id: opts.onboardingId,
        metadata: { onboarding_id: opts.onboardingId, tier: opts.tier },
        subscription_data: { metadata: { onboarding_id: opts.onboardingId, tier: opts.tier } },
        ...(opts.customerEmail && { customer_email: opts.customerEmail }),
        success_url: opts.successUrl,
        cancel_url: opts.cancelUrl,
      },
      { idempotencyKey: `onboarding-checkout:${opts.onboardingId}` },
    );
  } catch (err) {
    throw checkoutError(err, opts.onboardingId);
  }
  if (!session.url) {
    throw new AppError("UNAVAILABLE", { message: "The payment provider returned a checkout without a payment page", details: { provider: "stripe" } });
  }
  return { id: session.id, url: session.url };
}

/** Stripe's failure as an AppError: the wizard shows the message, so it names what to do and never a key. */
function checkoutError(err: unknown, onboardingId: string): AppError {
  if (!(err instanceof Stripe.errors.StripeError)) {
    logger.error({ err, onboardingId }, "stripe checkout: unexpected failure");
    return new AppError("INTERNAL", { message: "Creating the Stripe checkout failed", cause: err });
  }
  const facts = { type: err.type, code: err.code, statusCode: err.statusCode, stripeRequestId: err.requestId };
  logger.warn({ ...facts, onboardingId, stripeMessage: err.message }, "stripe checkout: Stripe refused or was unreachable");
  const details = { provider: "stripe", ...(err.requestId && { stripeRequestId: err.requestId }) };
  if (err instanceof Stripe.errors.StripeIdempotencyError) {
    return new AppError("CONFLICT", { message: "A checkout was already started for this onboarding with different details", details, cause: err });
  }
  if (err instanceof Stripe.errors.StripeAuthenticationError || err instanceof Stripe.errors.StripePermissionError) {
    return new AppError("UNAVAILABLE", { message: "Payments are misconfigured on this server: Stripe refused its API key", details, cause: err });
  }
  if (err instanceof Stripe.errors.StripeInvalidRequestError) {
    return new AppError("UNAVAILABLE", { message: `Payments are misconfigured on this server: Stripe refused the checkout (${err.message})`, details, cause: err });
  }
  return new AppError("UNAVAILABLE", { message: "The payment provider is unavailable right now; try again in a minute", details, cause: err });
}
