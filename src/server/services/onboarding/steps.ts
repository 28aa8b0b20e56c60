/** The five steps of an onboarding, in the order they run. */
export const ONBOARDING_STEPS = [
  { key: "create_platform", label: "Create platform" },
  { key: "provision_infra", label: "Provision infrastructure" },
  { key: "setup_repo", label: "Set up repository" },
  { key: "deploy_services", label: "Deploy services" },
  { key: "verify", label: "Verify deployment" },
] as const;

export type TOnboardingStepKey = (typeof ONBOARDING_STEPS)[number]["key"];
export const ONBOARDING_STEP_KEYS = ONBOARDING_STEPS.map((s) => s.key) as [TOnboardingStepKey, ...TOnboardingStepKey[]];

export const ONBOARDING_STATUSES = ["pending", "in_progress", "completed", "failed"] as const;
export type TOnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

export const STEP_STATUSES = ["pending", "running", "succeeded", "failed", "skipped"] as const;
export type TStepStatus = (typeof STEP_STATUSES)[number];

export const PAYMENT_STATUSES = ["not_required", "awaiting_payment", "paid"] as const;
export type TPaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A step that will not run again: it succeeded or was skipped. */
export function isStepDone(status: string): boolean {
  return status === "succeeded" || status === "skipped";
}

/**
 * Session transitions a caller may ask for (PATCH): a pending session starts,
 * a running one ends; an ended one changes only through resume.
 */
const SESSION_TRANSITIONS: Record<TOnboardingStatus, readonly TOnboardingStatus[]> = {
  pending: ["in_progress", "failed"],
  in_progress: ["completed", "failed"],
  completed: [],
  failed: [],
};

/** Step transitions a caller may ask for (PATCH); a failed step restarts through resume only. */
const STEP_TRANSITIONS: Record<TStepStatus, readonly TStepStatus[]> = {
  pending: ["running", "skipped", "failed"],
  running: ["succeeded", "failed", "skipped"],
  succeeded: [],
  failed: [],
  skipped: [],
};

export function canMoveSession(from: string, to: TOnboardingStatus): boolean {
  return from === to || (SESSION_TRANSITIONS[from as TOnboardingStatus] ?? []).includes(to);
}

export function canMoveStep(from: string, to: TStepStatus): boolean {
  return from === to || (STEP_TRANSITIONS[from as TStepStatus] ?? []).includes(to);
}
