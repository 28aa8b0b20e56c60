import { env, type TEnv } from "@/env";
import { paidTierProblem } from "@/server/integrations/stripe/create-checkout-session";

/** Whether a plan can be chosen here, whether it is paid, and why not when it cannot. */
export type TPlanAvailability = { available: boolean; paid: boolean; reason?: string };

type TPaymentsEnv = Pick<TEnv, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_PRICE_GROWTH" | "STRIPE_PRICE_SCALE">;

/**
 * Which hosted plans a signup can choose on this server. Starter is free;
 * growth and scale go through Stripe Checkout, so they need payments
 * configured and the plan's price, and say which variable is missing.
 */
export function planAvailability(config: TPaymentsEnv = env()): Record<"starter" | "growth" | "scale", TPlanAvailability> {
  const paid = (tier: "growth" | "scale"): TPlanAvailability => {
    const reason = paidTierProblem(tier, config);
    return reason ? { available: false, paid: true, reason } : { available: true, paid: true };
  };
  return { starter: { available: true, paid: false }, growth: paid("growth"), scale: paid("scale") };
}
