import type Stripe from "stripe";
import { newEntitlementId } from "./licensing-ids";
import type { TDbOrTx } from "@/server/db";
import { APPLIANCE_PRODUCT } from "./appliance-checkout";
import { mintInstallCode } from "./mint-install-code";

/** True when Stripe metadata marks the object as an appliance order. */
export function isApplianceObject(object: { metadata?: Stripe.Metadata | null }): boolean {
  return object.metadata?.product === APPLIANCE_PRODUCT;
}

function periodEndOf(sub: Stripe.Subscription): Date | null {
  const seconds = sub.items?.data?.[0]?.current_period_end ?? (sub as { current_period_end?: number }).current_period_end;
  return typeof seconds === "number" ? new Date(seconds * 1000) : null;
}

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/**
 * A paid appliance checkout: the entitlement (created, or linked when a
 * subscription event came first), the install code (kept sealed for the
 * thank-you page) and the email, in the webhook's transaction. The tenant row
 * is locked and the checkout id is unique on both rows, so a second event for
 * the same checkout mints nothing.
 */
export async function onApplianceCheckoutCompleted(opts: { db: TDbOrTx; session: Stripe.Checkout.Session }) {
  const tx = opts.db;
  const { session } = opts;
  const tenantId = session.metadata?.registry_tenant_id;
  if (!tenantId) return null;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM registry_tenants WHERE id::text = ${tenantId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const tenant = await tx.registryTenant.findUniqueOrThrow({ where: { id: tenantId } });
  const already = await tx.licenseEntitlement.findUnique({ where: { checkoutSessionId: session.id }, select: { id: true } });
  if (already) return { tenantId, entitlementId: already.id, minted: false };
  const subscriptionId = idOf(session.subscription);
  const fromSubscription = subscriptionId
    ? await tx.licenseEntitlement.findUnique({ where: { stripeSubscriptionId: subscriptionId }, select: { id: true } })
    : null;
  const link = { checkoutSessionId: session.id, stripeCustomerId: idOf(session.customer) };
  const entitlement = fromSubscription
    ? await tx.licenseEntitlement.update({ where: { id: fromSubscription.id }, data: link, select: { id: true } })
    : await tx.licenseEntitlement.create({
        data: { id: newEntitlementId(), tenantId, edition: tenant.edition, status: "active", stripeSubscriptionId: subscriptionId, ...link },
        select: { id: true },
      });
  await mintInstallCode({ db: tx, tenant, entitlementId: entitlement.id, checkoutSessionId: session.id, keepSealed: true });
  return { tenantId, entitlementId: entitlement.id, minted: true };
}

/**
 * `customer.subscription.updated|deleted` for an appliance: the entitlement
 * takes the subscription's status and period end (an ended subscription stays
 * ended). One arriving before its checkout's completion creates the
 * entitlement, which the completion then links instead of creating another.
 */
export async function onApplianceSubscriptionChanged(opts: { db: TDbOrTx; subscription: Stripe.Subscription; deleted: boolean }) {
  const tx = opts.db;
  const sub = opts.subscription;
  const status = opts.deleted ? "canceled" : sub.status;
  const found = await tx.licenseEntitlement.findUnique({ where: { stripeSubscriptionId: sub.id }, select: { id: true, status: true } });
  if (found) {
    if (found.status === "canceled") return { entitlementId: found.id, status: found.status };
    await tx.licenseEntitlement.update({ where: { id: found.id }, data: { status, currentPeriodEnd: periodEndOf(sub) } });
    return { entitlementId: found.id, status };
  }
  const tenantId = sub.metadata?.registry_tenant_id;
  if (!tenantId) return null;
  const locked = await tx.$queryRaw<{ id: string; edition: string }[]>`SELECT id, edition FROM registry_tenants WHERE id::text = ${tenantId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const created = await tx.licenseEntitlement.upsert({
    where: { stripeSubscriptionId: sub.id },
    create: { id: newEntitlementId(), tenantId, edition: locked[0]!.edition, status, currentPeriodEnd: periodEndOf(sub), stripeSubscriptionId: sub.id, stripeCustomerId: idOf(sub.customer) },
    update: { status, currentPeriodEnd: periodEndOf(sub) },
    select: { id: true },
  });
  return { entitlementId: created.id, status };
}

const CHECKOUT_PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/**
 * Routes a verified Stripe event that belongs to an appliance order to
 * licensing, in the webhook's transaction. `undefined` when the event is not
 * an appliance one (the hosted onboarding handles it); otherwise what was done
 * (null: an appliance event with nothing to do, such as an unpaid checkout).
 */
export async function routeApplianceStripeEvent(opts: { db: TDbOrTx; event: Stripe.Event; paid: boolean }) {
  const { event } = opts;
  if (event.type.startsWith("checkout.session.")) {
    const session = event.data.object as Stripe.Checkout.Session;
    if (!isApplianceObject(session)) return undefined;
    if (!CHECKOUT_PAID_EVENTS.has(event.type) || !opts.paid) return null;
    return onApplianceCheckoutCompleted({ db: opts.db, session });
  }
  if (event.type === "customer.subscription.updated" || event.type === "customer.subscription.deleted") {
    const subscription = event.data.object as Stripe.Subscription;
    const known = await opts.db.licenseEntitlement.findUnique({ where: { stripeSubscriptionId: subscription.id }, select: { id: true } });
    if (!known && !isApplianceObject(subscription)) return undefined;
    return onApplianceSubscriptionChanged({ db: opts.db, subscription, deleted: event.type === "customer.subscription.deleted" });
  }
  return undefined;
}
