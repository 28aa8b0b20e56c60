import Stripe from "stripe";
import { env } from "@/env";
import { AppError } from "@/server/errors";

/**
 * A Stripe Checkout for a paid onboarding. The idempotency key is derived
 * from the onboarding id, so asking twice never makes a second checkout.
 */
export async function createCheckoutSession(opts: {
  onboardingId: string;
  tier: "growth" | "scale";
  customerEmail?: string | null;
  successUrl: string;
  cancelUrl: string;
}): Promise<{ id: string; url: string }> {
  const config = env();
  const price = opts.tier === "growth" ? config.STRIPE_PRICE_GROWTH : config.STRIPE_PRICE_SCALE;
  if (!config.STRIPE_SECRET_KEY || !price) {
    throw new AppError("UNPROCESSABLE", { message: `The ${opts.tier} plan cannot be paid for on this server` });
  }
  const api = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : null;
  const stripe = new Stripe(config.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(api
      ? { host: api.hostname, port: Number(api.port || (api.protocol === "https:" ? 443 : 80)), protocol: api.protocol.replace(":", "") as "http" | "https" }
      : {}),
  });
  try {
    const session = await stripe.checkout.sessions.create(
      {
        mode: "subscription",
        line_items: [{ price, quantity: 1 }],
        success_url: opts.successUrl,
        cancel_url: opts.cancelUrl,
        client_reference_id: opts.onboardingId,
        metadata: { onboarding_id: opts.onboardingId },
        ...(opts.customerEmail ? { customer_email: opts.customerEmail } : {}),
      },
      { idempotencyKey: `onboarding-checkout:${opts.onboardingId}` },
    );
    if (!session.url) throw new Error("Stripe answered without a checkout URL");
    return { id: session.id, url: session.url };
  } catch (err) {
    throw new AppError("UNAVAILABLE", {
      message: `The payment provider could not start a checkout: ${err instanceof Error ? err.message : String(err)}`,
      cause: err,
    });
  }
}
