import type { TJobHandler } from "@/jobs/define-job";
import { advanceOnboarding } from "@/server/services/onboarding/advance-onboarding";
import { ZOnboardingAdvancePayload } from "./advance";

const handler: TJobHandler<{ sessionId: string }> = async (payload, ctx) => {
  const { sessionId } = ZOnboardingAdvancePayload.parse(payload);
  await advanceOnboarding({ sessionId, runnerJobId: ctx.jobId, signal: ctx.signal, isLastAttempt: ctx.isLastAttempt });
};
export default handler;
