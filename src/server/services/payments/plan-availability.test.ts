import { describe, expect, it } from "vitest";
import { planAvailability } from "./plan-availability";

const STRIPE = { STRIPE_SECRET_KEY: "sk_test_key", STRIPE_WEBHOOK_SECRET: "whsec_secret" };
const PRICES = { STRIPE_PRICE_GROWTH: "price_growth", STRIPE_PRICE_SCALE: "price_scale" };
const none = { STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined, STRIPE_PRICE_GROWTH: undefined, STRIPE_PRICE_SCALE: undefined };

describe("planAvailability", () => {
  it("offers every plan when payments and both prices are configured", () => {
    expect(planAvailability({ ...STRIPE, ...PRICES })).toEqual({
      starter: { available: true, paid: false },
      growth: { available: true, paid: true },
      scale: { available: true, paid: true },
    });
  });

  it("without payments offers starter only and says which variables are missing", () => {
    const reason = "Payments are not configured on this server (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)";
    for (const config of [none, { ...none, ...PRICES }]) {
      expect(planAvailability(config)).toEqual({
        starter: { available: true, paid: false },
        growth: { available: false, paid: true, reason },
        scale: { available: false, paid: true, reason },
      });
    }
  });

  it("names the missing price of each paid plan", () => {
    const plans = planAvailability({ ...STRIPE, STRIPE_PRICE_GROWTH: "price_growth", STRIPE_PRICE_SCALE: undefined });
    expect(plans.growth).toEqual({ available: true, paid: true });
    expect(plans.scale).toEqual({ available: false, paid: true, reason: "The scale plan has no Stripe price on this server (STRIPE_PRICE_SCALE)" });
    expect(planAvailability({ ...STRIPE, STRIPE_PRICE_GROWTH: undefined, STRIPE_PRICE_SCALE: "price_scale" }).growth.reason).toContain("STRIPE_PRICE_GROWTH");
  });
});
