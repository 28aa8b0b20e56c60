import { randomUUID } from "node:crypto";
import { env } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { PAYMENTS_NOT_CONFIGURED, stripeClient, stripeConfigured } from "@/server/integrations/stripe/stripe-client";
import type { TApplianceOrderRequest, TApplianceOrderResponse } from "./appliance-order.types";
import { EDITIONS, type TEdition } from "./licensing.types";
import { enforceLicenseRateLimits } from "./rate-limit";
import { registerRegistryTenant } from "./register-registry-tenant";

/** Marks appliance checkouts in Stripe metadata, so the webhook routes them to licensing. */
export const APPLIANCE_PRODUCT = "appliance";
const PRICE_VARIABLE = { pro: "STRIPE_PRICE_APPLIANCE_PRO", premium: "STRIPE_PRICE_APPLIANCE_PREMIUM" } as const;

/** Why an edition cannot be ordered here, or null when it can (essentials always can). */
export function applianceEditionProblem(edition: TEdition): string | null {
  if (edition === "essentials") return null;
  if (!stripeConfigured()) return PAYMENTS_NOT_CONFIGURED;
  const variable = PRICE_VARIABLE[edition];
  return env()[variable] ? null : `Appliance ${edition} has no Stripe price on this server (${variable})`;
}

/** The editions the order page offers, each with why not when it cannot be bought. */
export function listApplianceEditions(): { edition: TEdition; available: boolean; reason?: string }[] {
  return EDITIONS.map((edition) => {
    const reason = applianceEditionProblem(edition);
    return reason ? { edition, available: false, reason } : { edition, available: true };
  });
}

/**
 * The public order: essentials registers at once and answers the code; a
 * paid edition registers the tenant and opens a Stripe Checkout subscription
 * whose metadata names that tenant and edition (the entitlement and the code
 * come with `checkout.session.completed`). Rate limited per address.
 */
export async function startApplianceOrder(opts: { input: TApplianceOrderRequest; headers: Headers; db?: TDb }): Promise<TApplianceOrderResponse> {
  const { input } = opts;
  await enforceLicenseRateLimits({ headers: opts.headers, route: "order" });
  if (input.edition === "essentials") {
    const registered = await registerRegistryTenant({ input, db: opts.db });
    return {
      kind: "code",
      tenant_id: registered.tenant_id,
      install_code: registered.install_code!,
      expires_at: registered.expires_at!,
      download_url: registered.download_url,
      download_unavailable_reason: registered.download_unavailable_reason,
    };
  }
  const problem = applianceEditionProblem(input.edition);
  const stripe = stripeClient();
  if (problem || !stripe) throw new AppError("UNPROCESSABLE", { message: problem ?? PAYMENTS_NOT_CONFIGURED });
  const tenantId = randomUUID();
  await (opts.db ?? defaultDb()).registryTenant.create({
    data: { id: tenantId, companyName: input.company_name, contactEmail: input.contact_email, edition: input.edition },
  });
  const metadata = { product: APPLIANCE_PRODUCT, registry_tenant_id: tenantId, edition: input.edition };
  const base = env().EMBARK_PUBLIC_URL;
  const session = await stripe.checkout.sessions
    .create(
      {
        mode: "subscription",
        line_items: [{ price: env()[PRICE_VARIABLE[input.edition]]!, quantity: 1 }],
        client_reference_id: tenantId,
        customer_email: input.contact_email,
        metadata,
        subscription_data: { metadata },
        success_url: `${base}/order/appliance/thank-you?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}/order/appliance?cancelled=1`,
      },
      { idempotencyKey: `appliance-checkout:${tenantId}` },
    )
    .catch((err: unknown) => {
      throw new AppError("UNAVAILABLE", { message: "The payment provider is unavailable right now; try again in a minute", cause: err });
    });
  if (!session.url) throw new AppError("UNAVAILABLE", { message: "The payment provider returned a checkout without a payment page" });
  return { kind: "checkout", tenant_id: tenantId, checkout_url: session.url };
}
