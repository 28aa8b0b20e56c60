import { ZPlan } from "@/server/routers/tenants/create-tenant.types";
import { ONBOARDING_STEPS, type TOnboardingStatus } from "@/server/services/onboarding/steps";

export { ONBOARDING_STATUSES } from "@/server/services/onboarding/steps";

/** Hosted tiers, cheapest first. */
export const TIERS = ZPlan.options;

/** Session statuses as people say them. */
export const SESSION_STATUS_LABELS: Record<TOnboardingStatus, string> = {
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
};

export const PAYMENT_LABELS: Record<string, string> = {
  not_required: "Not required",
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
};

/** "provision_infra" → "Provision infrastructure"; unknown keys as they are. */
export function stepLabel(key: string): string {
  return ONBOARDING_STEPS.find((s) => s.key === key)?.label ?? key;
}

/**
 * A session whose steps are moving on their own, so its pages follow it live.
 * One waiting for a Stripe payment is not: that can take hours.
 */
export function isMovingSession(session: { status: string; paymentStatus: string }): boolean {
  return session.status === "in_progress" || (session.status === "pending" && session.paymentStatus !== "awaiting_payment");
}

type TStepLike = { key: string; status: string };

/** The step a session is at: the failed one, the one running, or the next to run; null once all are done. */
export function currentStep<T extends TStepLike>(session: { status: string; failedStep: string | null; steps: T[] }): T | null {
  if (session.status === "failed" && session.failedStep) return session.steps.find((s) => s.key === session.failedStep) ?? null;
  return session.steps.find((s) => s.status === "running") ?? session.steps.find((s) => s.status === "pending") ?? null;
}
