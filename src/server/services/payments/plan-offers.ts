import { z } from "zod";
import { AppError, isAppError } from "@/server/errors";
import { planPrices, type TPlanPrice } from "@/server/integrations/stripe/plan-prices";
import { planAvailability, type TPlanAvailability } from "./plan-availability";

/** What a customer reads next to a paid plan this server cannot sell; operators see why in /cp. */
export const PLAN_NOT_OFFERED = "Not available to buy here yet. Choose the free plan for now.";

export const ZPlanPrice = z.object({
  amount: z.number().int(),
  currency: z.string(),
  interval: z.enum(["day", "week", "month", "year"]).nullable(),
  intervalCount: z.number().int(),
  display: z.string(),
});

/** A plan as the signup wizard offers it: in plain words, with its price when Stripe gives one. */
export const ZPlanOffer = z.object({
  available: z.boolean(),
  paid: z.boolean(),
  reason: z.string().optional(),
  price: ZPlanPrice.nullable(),
});
export type TPlanOffer = z.infer<typeof ZPlanOffer>;
export const ZPlanOffers = z.object({ starter: ZPlanOffer, growth: ZPlanOffer, scale: ZPlanOffer });
export type TPlanOffers = z.infer<typeof ZPlanOffers>;

const offer = (a: TPlanAvailability, price: TPlanPrice | null): TPlanOffer =>
  a.available ? { available: true, paid: a.paid, price } : { available: false, paid: a.paid, reason: PLAN_NOT_OFFERED, price: null };

/**
 * The plans for customers, from this server's configuration alone: what the
 * page renders at once, before any price is known.
 */
export function planOffersWithoutPrices(availability = planAvailability()): TPlanOffers {
  return { starter: offer(availability.starter, null), growth: offer(availability.growth, null), scale: offer(availability.scale, null) };
}

/** The plans for customers with the paid plans' prices read from Stripe (cached briefly). */
export async function planOffers(): Promise<TPlanOffers> {
  const availability = planAvailability();
  const prices = await planPrices();
  return {
    starter: offer(availability.starter, null),
    growth: offer(availability.growth, availability.growth.available ? prices.growth : null),
    scale: offer(availability.scale, availability.scale.available ? prices.scale : null),
  };
}

/** What a customer reads when Stripe failed or refused: no key, setting or request id. */
export const PAYMENTS_UNAVAILABLE = "Payments are not working right now. Try again in a few minutes, or start with Starter.";

/**
 * A payment failure as the customer who hit it should read it: a plan this
 * server does not sell, or a payment provider that failed. Other errors
 * (a taken subdomain, bad input) already speak to the customer and pass as they are.
 */
export function forCustomer(err: unknown): unknown {
  if (!isAppError(err)) return err;
  const details = (err.details ?? {}) as { provider?: unknown; notOffered?: unknown };
  if (details.provider !== "stripe") return err;
  if (details.notOffered) return new AppError(err.code, { message: PLAN_NOT_OFFERED, details: { field: "tier" }, cause: err });
  return new AppError(err.code, { message: PAYMENTS_UNAVAILABLE, cause: err });
}
