import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { ZOnboardingId } from "@/server/services/onboarding/onboarding.types";

export const ZOnboardingAdvancePayload = z.object({ sessionId: ZOnboardingId });

/** Runs an onboarding session's next steps until it completes, fails or waits for a callback. */
export const onboardingAdvanceJob = defineJob({
  name: "onboarding.advance",
  payload: ZOnboardingAdvancePayload,
  // GitHub outages: a few tries with backoff before the step fails (a resume starts it again).
  retry: { limit: 5, delaySeconds: 10, backoff: true, maxDelaySeconds: 300 },
  concurrency: 4,
  expireInSeconds: 300,
  handler: () => import("./advance.handler"),
});
