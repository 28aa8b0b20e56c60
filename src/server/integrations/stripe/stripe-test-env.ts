import { reloadEnv } from "@/env";

const STRIPE_VARIABLES = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_URL", "STRIPE_PRICE_GROWTH", "STRIPE_PRICE_SCALE", "STRIPE_PRICE_APPLIANCE_PRO", "STRIPE_PRICE_APPLIANCE_PREMIUM"] as const;

/** For tests: sets exactly the given STRIPE_* variables (the rest are removed) and reloads the env. */
export function configureStripeEnv(settings: Partial<Record<(typeof STRIPE_VARIABLES)[number], string>>) {
  for (const name of STRIPE_VARIABLES) {
    if (settings[name] === undefined) delete process.env[name];
    else process.env[name] = settings[name];
  }
  reloadEnv();
}
