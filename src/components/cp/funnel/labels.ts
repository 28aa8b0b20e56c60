import type { TFunnelStep } from "@/server/services/funnel/funnel-stats.types";

/** How each milestone reads on /cp/funnel. */
export const STEP_LABELS: Record<TFunnelStep, string> = {
  signup_started: "Signup started",
  code_verified: "Code verified",
  company_submitted: "Company submitted",
  plan_chosen: "Plan chosen",
  provisioning_completed: "Provisioned",
  onboarding_completed: "Onboarding completed",
};

export const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`;
