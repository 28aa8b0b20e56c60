import Stripe from "stripe";
import { env } from "@/env";
import { logger } from "@/server/logger";
import { PRICE_VARIABLE, stripeClient, type TPaidTier } from "./stripe-client";

/** A plan's price as a customer reads it. `amount` is in the currency's smallest unit, as Stripe keeps it. */
export type TPlanPrice = {
  amount: number;
  currency: string;
  interval: (typeof INTERVALS)[number] | null;
  intervalCount: number;
  /** "$49 / month", "€19.90 / 3 months". */
  display: string;
};

const INTERVALS = ["day", "week", "month", "year"] as const;

/** How long a price read from Stripe is reused; a failed read is tried again sooner. */
export const PRICE_CACHE_MS = 5 * 60_000;
export const PRICE_FAILURE_CACHE_MS = 30_000;

type TCached = { until: number; price: Promise<TPlanPrice | null> };
const g = globalThis as typeof globalThis & { __embarkPlanPrices?: Map<string, TCached> };
const cache = (g.__embarkPlanPrices ??= new Map());

/** Forgets every cached price (tests; a changed price id is a new key anyway). */
export function clearPlanPriceCache(): void {
  cache.clear();
}

/**
 * The paid plans' prices from Stripe (`prices.retrieve` through the SDK),
 * each cached for a few minutes so the wizard never waits on Stripe twice.
 * Concurrent callers share one request. A plan whose price is not set, or
 * that Stripe cannot give, is null: the wizard shows it without a price.
 */
export async function planPrices(opts: { now?: number } = {}): Promise<Record<TPaidTier, TPlanPrice | null>> {
  const [growth, scale] = await Promise.all([priceOf("growth", opts.now ?? Date.now()), priceOf("scale", opts.now ?? Date.now())]);
  return { growth, scale };
}

function priceOf(tier: TPaidTier, now: number): Promise<TPlanPrice | null> {
  const config = env();
  const priceId = config[PRICE_VARIABLE[tier]];
  const stripe = stripeClient();
  if (!stripe || !priceId) return Promise.resolve(null);
  const key = `${config.STRIPE_API_URL ?? ""}\n${config.STRIPE_SECRET_KEY}\n${priceId}`;
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.price;
  const entry: TCached = { until: now + PRICE_CACHE_MS, price: Promise.resolve(null) };
  entry.price = stripe.prices.retrieve(priceId).then(
    (price) => toPlanPrice(price),
    (err: unknown) => {
      entry.until = now + PRICE_FAILURE_CACHE_MS;
      const facts = err instanceof Stripe.errors.StripeError ? { type: err.type, code: err.code, statusCode: err.statusCode } : { err };
      logger.warn({ ...facts, tier, priceId }, "stripe: reading a plan's price failed; the plan is shown without it");
      return null;
    },
  );
  cache.set(key, entry);
  return entry.price;
}

/** Stripe's Price as the wizard shows it; null for prices without a fixed amount (tiered, metered). */
export function toPlanPrice(price: Pick<Stripe.Price, "unit_amount" | "currency" | "recurring">): TPlanPrice | null {
  if (price.unit_amount === null) return null;
  const currency = price.currency.toUpperCase();
  const format = new Intl.NumberFormat("en", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const major = price.unit_amount / 10 ** digits;
  // Whole amounts read without ".00": "$49", not "$49.00".
  const money = Number.isInteger(major) ? new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: 0 }).format(major) : format.format(major);
  const interval = INTERVALS.find((i) => i === price.recurring?.interval) ?? null;
  const intervalCount = price.recurring?.interval_count ?? 1;
  const per = interval ? (intervalCount === 1 ? ` / ${interval}` : ` / ${intervalCount} ${interval}s`) : "";
  return { amount: price.unit_amount, currency, interval, intervalCount, display: `${money}${per}` };
}
