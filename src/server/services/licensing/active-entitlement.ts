import type { TDbOrTx } from "@/server/db";

/** Subscription states a fresh install code may carry. */
const USABLE = ["active", "trialing", "past_due"];

/** The tenant's newest entitlement that is neither revoked nor ended, or null. */
export function findActiveEntitlement(db: TDbOrTx, tenantId: string) {
  return db.licenseEntitlement.findFirst({
    where: { tenantId, revokedAt: null, status: { in: USABLE } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
}
