import { router } from "@/server/trpc/init";
import { createOnboardingRoute } from "./create-onboarding";
import { deployCompleteRoute } from "./deploy-complete";
import { getOnboardingRoute } from "./get-onboarding";
import { listOnboardingRoute } from "./list-onboarding";
import { patchOnboardingRoute } from "./patch-onboarding";
import { resumeOnboardingRoute } from "./resume-onboarding";
import { mineRoute, plansRoute } from "./wizard";

/** Onboarding sessions: the wizard's, the REST surface's and the ops dashboard's. */
export const onboardingRouter = router({
  create: createOnboardingRoute,
  get: getOnboardingRoute,
  patch: patchOnboardingRoute,
  resume: resumeOnboardingRoute,
  deployComplete: deployCompleteRoute,
  list: listOnboardingRoute,
  mine: mineRoute,
  plans: plansRoute,
});
