import { env } from "@/env";

export type TPlanAvailability = { available: boolean; paid: boolean; reason?: string };

/**
 * Which hosted plans a signup can choose on this server. Starter is free;
 * growth and scale go through Stripe Checkout, so they need payments
 * configured and the plan's price.
 */
export function planAvailability(): Record<"starter" | "growth" | "scale", TPlanAvailability> {
  const config = env();
  const paid = (price: string | undefined, variable: string): TPlanAvailability => {
    if (!config.STRIPE_SECRET_KEY || !config.STRIPE_WEBHOOK_SECRET) {
      return {
        available: false,
        paid: true,
        reason: "Payments are not configured on this server (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)",
      };
    }
    if (!price) return { available: false, paid: true, reason: `This plan has no price configured (${variable})` };
    return { available: true, paid: true };
  };
  return {
    starter: { available: true, paid: false },
    growth: paid(config.STRIPE_PRICE_GROWTH, "STRIPE_PRICE_GROWTH"),
    scale: paid(config.STRIPE_PRICE_SCALE, "STRIPE_PRICE_SCALE"),
  };
}
