import type { TOnboardingSession } from "./onboarding.types";
import type { TOnboardingStepKey } from "./steps";

type TStep = TOnboardingSession["steps"][number];

/** What a customer reads when a step fails; the stage and the workflow's message stay in /cp. */
export const CUSTOMER_FAILURE_TEXT: Record<TOnboardingStepKey, string> = {
  create_platform: "We could not register your platform.",
  provision_infra: "We could not finish preparing your servers.",
  setup_repo: "We could not create your code repository.",
  deploy_services: "We could not deploy your services.",
  verify: "Your platform did not pass its final checks.",
};

/** Why a step was skipped, for a customer: what it means for them, not which setting is missing. */
export const CUSTOMER_SKIP_TEXT: Record<TOnboardingStepKey, string> = {
  create_platform: "Not needed for this setup.",
  provision_infra: "Not needed for this setup.",
  setup_repo: "Not included here: your platform starts without a code repository.",
  deploy_services: "Not included here: your platform runs as it was set up.",
  verify: "Not needed for this setup.",
};

/** The one part of a step's result a customer uses: the repository made for them. */
function customerResult(step: TStep): Record<string, unknown> | null {
  if (step.status === "skipped") return { reason: CUSTOMER_SKIP_TEXT[step.key] };
  if (step.key === "setup_repo" && step.status === "succeeded" && step.result) {
    const { repo, url } = step.result;
    return { ...(typeof repo === "string" && { repo }), ...(typeof url === "string" && { url }) };
  }
  return null;
}

/**
 * A session as the customer who started it sees it: the same shape, with
 * failures and skips in plain words and no operator detail (setting names,
 * workflow stages, node and health-check facts). Operators and API keys read
 * the session as it is.
 */
export function customerSessionView(session: TOnboardingSession): TOnboardingSession {
  const failed = session.steps.find((s) => s.key === session.failedStep);
  return {
    ...session,
    steps: session.steps.map((step) => ({
      ...step,
      result: customerResult(step),
      error: step.status === "failed" ? CUSTOMER_FAILURE_TEXT[step.key] : null,
    })),
    error: session.error === null ? null : failed ? CUSTOMER_FAILURE_TEXT[failed.key] : "The setup stopped.",
  };
}
