import Stripe from "stripe";
import { env, type TEnv } from "@/env";

/** Paid hosted tiers: the ones that go through Stripe Checkout. */
export type TPaidTier = "growth" | "scale";

/** The variable holding each paid tier's Stripe price id. */
export const PRICE_VARIABLE: Record<TPaidTier, "STRIPE_PRICE_GROWTH" | "STRIPE_PRICE_SCALE"> = {
  growth: "STRIPE_PRICE_GROWTH",
  scale: "STRIPE_PRICE_SCALE",
};

/** Why paid plans are unavailable when payments are not configured. */
export const PAYMENTS_NOT_CONFIGURED = "Payments are not configured on this server (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET)";

type TStripeEnv = Pick<TEnv, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET">;

/** Payments need both the API key and the webhook signing secret (src/env.ts refuses one without the other). */
export function stripeConfigured(config: TStripeEnv = env()): boolean {
  return Boolean(config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET);
}

/** Where the SDK sends requests, from an API base URL such as `http://127.0.0.1:12111`. */
export function stripeConnection(apiUrl: string): { host: string; port: number; protocol: "http" | "https" } {
  const url = new URL(apiUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("STRIPE_API_URL must be an http:// or https:// URL");
  // The SDK puts /v1/... straight after the host; a path in the URL would be silently dropped.
  if (url.pathname !== "/" || url.search) throw new Error("STRIPE_API_URL must be a bare origin (no path), e.g. https://api.stripe.com");
  const protocol = url.protocol === "https:" ? "https" : "http";
  return { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: url.port ? Number(url.port) : protocol === "https" ? 443 : 80, protocol };
}

/** A Stripe SDK client; `apiUrl` points it at another API (a local fake, stripe-mock). */
export function createStripeClient(opts: { secretKey: string; apiUrl?: string }): Stripe {
  return new Stripe(opts.secretKey, {
    // Bounded well inside a browser request: the wizard waits for the Checkout URL.
    timeout: 15_000,
    // Creation carries our own Idempotency-Key, so a retried POST cannot make a second session.
    maxNetworkRetries: 2,
    appInfo: { name: "Embark" },
    ...(opts.apiUrl && stripeConnection(opts.apiUrl)),
  });
}

const g = globalThis as typeof globalThis & { __embarkStripe?: { key: string; client: Stripe } };

/** The configured Stripe client, or null when payments are not configured; rebuilt when the settings change. */
export function stripeClient(): Stripe | null {
  const config = env();
  if (!stripeConfigured(config)) return null;
  const secretKey = config.STRIPE_SECRET_KEY!;
  const key = `${secretKey}\n${config.STRIPE_API_URL ?? ""}`;
  if (g.__embarkStripe?.key !== key) g.__embarkStripe = { key, client: createStripeClient({ secretKey, apiUrl: config.STRIPE_API_URL }) };
  return g.__embarkStripe.client;
}
