import type { TDbOrTx } from "@/server/db";
import { recordFunnelMilestone } from "@/server/services/funnel/record-funnel-milestone";
import { runCreatePlatform } from "./create-platform";
import { lockSession } from "./session-state";

/**
 * Stripe says a Checkout was paid: marks its session paid and runs
 * `create_platform`, which starts provisioning, in the caller's transaction
 * (the one that records the Stripe event). A second event for the same
 * checkout finds the session paid and starts nothing (`started: false`).
 */
export async function onCheckoutCompleted(opts: {
  db: TDbOrTx;
  checkoutSessionId: string;
  eventId: string;
}): Promise<{ onboardingId: string; started: boolean } | null> {
  const tx = opts.db;
  const found = await tx.onboardingSession.findUnique({
    where: { checkoutSessionId: opts.checkoutSessionId },
    select: { id: true },
  });
  if (!found) return null;
  await lockSession(tx, found.id);
  const session = await tx.onboardingSession.findUniqueOrThrow({ where: { id: found.id } });
  if (session.paymentStatus !== "awaiting_payment" || session.status !== "pending") {
    return { onboardingId: session.id, started: false };
  }
  await tx.onboardingSession.update({ where: { id: session.id }, data: { paymentStatus: "paid" } });
  if (session.traceId) {
    await recordFunnelMilestone(tx, {
      traceId: session.traceId,
      name: "checkout_completed",
      step: "plan",
      properties: { tier: session.tier, region: session.region },
    });
  }
  const started = await runCreatePlatform(tx, session, { onTaken: "fail" });
  return { onboardingId: session.id, started: started !== null };
}
