/** What a licence says about its appliance: `active`, or why it is not. */
export type TLicenceStatus = "active" | "lapsed" | "revoked";

/** Stripe subscription states that still entitle the customer (past_due is Stripe's grace period). */
const ENTITLED = new Set(["active", "trialing", "past_due"]);

/**
 * The licence status of an appliance from its entitlement: revoked by an
 * operator (the entitlement or the appliance), lapsed when the subscription
 * ended or its paid period is over, otherwise active.
 */
export function licenceStatusOf(opts: {
  now: Date;
  applianceRevokedAt: Date | null;
  entitlement: { status: string; revokedAt: Date | null; currentPeriodEnd: Date | null };
}): TLicenceStatus {
  const { entitlement } = opts;
  if (opts.applianceRevokedAt || entitlement.revokedAt) return "revoked";
  if (!ENTITLED.has(entitlement.status)) return "lapsed";
  if (entitlement.currentPeriodEnd && entitlement.currentPeriodEnd < opts.now) return "lapsed";
  return "active";
}
