import type { TDbOrTx } from "@/server/db";
import { recordFunnelMilestone } from "@/server/services/funnel/record-funnel-milestone";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { truncateText } from "@/server/validation/text";
import type { TOnboardingStepKey } from "./steps";

/** The facts a webhook subscriber gets about a session. */
async function sessionFacts(tx: TDbOrTx, sessionId: string) {
  const s = await tx.onboardingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      userId: true,
      platformName: true,
      slug: true,
      tier: true,
      region: true,
      tenantId: true,
      provisionJobId: true,
      traceId: true,
      resumeCount: true,
      tenant: { select: { canonicalHostname: true } },
    },
  });
  return {
    onboarding_id: s.id,
    user_id: s.userId,
    platform_name: s.platformName,
    slug: s.slug,
    tier: s.tier,
    region: s.region,
    tenant_id: s.tenantId,
    job_id: s.provisionJobId,
    trace_id: s.traceId,
    canonical_hostname: s.tenant?.canonicalHostname ?? null,
    resume_count: s.resumeCount,
  };
}

/** Fails a step and its session, and tells subscribers (onboarding.failed), in the caller's transaction. */
export async function failSession(
  tx: TDbOrTx,
  opts: { sessionId: string; step: TOnboardingStepKey; error: string; result?: Record<string, unknown> },
): Promise<void> {
  const now = new Date();
  const error = truncateText(opts.error, 2000);
  await tx.onboardingStep.update({
    where: { sessionId_key: { sessionId: opts.sessionId, key: opts.step } },
    data: {
      status: "failed",
      error,
      finishedAt: now,
      ...(opts.result ? { result: opts.result as object } : {}),
    },
  });
  await tx.onboardingSession.update({
    where: { id: opts.sessionId },
    data: { status: "failed", failedStep: opts.step, error, finishedAt: now },
  });
  const facts = await sessionFacts(tx, opts.sessionId);
  await emitWebhookEvent({ db: tx, type: "onboarding.failed", data: { ...facts, failed_step: opts.step, error } });
  if (facts.trace_id) {
    await recordFunnelMilestone(tx, {
      traceId: facts.trace_id,
      name: "onboarding_failed",
      step: opts.step,
      key: `${opts.sessionId}:${facts.resume_count}`,
      properties: { onboarding_id: opts.sessionId, tier: facts.tier, region: facts.region, failed_step: opts.step },
    });
  }
}

/** Completes a session whose steps are all done, and tells subscribers (onboarding.completed). */
export async function completeSession(tx: TDbOrTx, sessionId: string): Promise<void> {
  await tx.onboardingSession.update({
    where: { id: sessionId },
    data: { status: "completed", finishedAt: new Date(), failedStep: null, error: null },
  });
  const facts = await sessionFacts(tx, sessionId);
  await emitWebhookEvent({
    db: tx,
    type: "onboarding.completed",
    data: { ...facts, url: facts.canonical_hostname ? `https://${facts.canonical_hostname}` : null },
  });
  if (facts.trace_id) {
    await recordFunnelMilestone(tx, {
      traceId: facts.trace_id,
      name: "onboarding_completed",
      step: "verify",
      key: sessionId,
      properties: { onboarding_id: sessionId, tier: facts.tier, region: facts.region },
    });
  }
}

/**
 * Starts (or starts again) a step: running, one more attempt, a fresh start
 * time and no error; `runnerJobId` is the background job that runs it (none
 * when a request's transaction does the work).
 */
export async function startStep(
  tx: TDbOrTx,
  sessionId: string,
  key: TOnboardingStepKey,
  opts: { result?: Record<string, unknown>; runnerJobId?: string } = {},
): Promise<void> {
  await tx.onboardingStep.update({
    where: { sessionId_key: { sessionId, key } },
    data: {
      status: "running",
      attempts: { increment: 1 },
      startedAt: new Date(),
      finishedAt: null,
      error: null,
      runnerJobId: opts.runnerJobId ?? null,
      ...(opts.result ? { result: opts.result as object } : {}),
    },
  });
}

/** Locks a session row for the rest of the transaction; null when there is none. */
export async function lockSession(tx: TDbOrTx, id: string): Promise<{ id: string; status: string } | null> {
  const [row] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status FROM onboarding_sessions WHERE id = ${id} FOR UPDATE`;
  return row ?? null;
}
