import type { TDbOrTx } from "@/server/db";
import { recordFunnelMilestone } from "@/server/services/funnel/record-funnel-milestone";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { scheduleAdvance } from "./advance-onboarding";
import { failSession, lockSession } from "./session-state";

/**
 * A provision job ended (the workflow's callback, a dispatch that gave up,
 * the watchdog). In the transaction that records the outcome: subscribers
 * hear `provision.completed` or `provision.failed`, and the onboarding
 * session waiting on that job ends its `provision_infra` step: on to the next
 * step, or failed with the job's stage and message.
 */
export async function onProvisionJobEnded(
  tx: TDbOrTx,
  opts: { jobId: string; status: "Completed" | "Failed"; failureStage?: string | null; message?: string | null },
): Promise<void> {
  const job = await tx.provisionJob.findUniqueOrThrow({
    where: { id: opts.jobId },
    select: {
      tenantId: true,
      traceId: true,
      attempt: true,
      region: true,
      outputs: true,
      tenant: { select: { slug: true, canonicalHostname: true } },
    },
  });
  await emitWebhookEvent({
    db: tx,
    type: opts.status === "Completed" ? "provision.completed" : "provision.failed",
    data: {
      job_id: opts.jobId,
      tenant_id: job.tenantId,
      trace_id: job.traceId,
      attempt: job.attempt,
      region: job.region,
      slug: job.tenant.slug,
      canonical_hostname: job.tenant.canonicalHostname,
      status: opts.status,
      ...(opts.status === "Failed" ? { failure_stage: opts.failureStage ?? null, message: opts.message ?? null } : {}),
    },
  });

  await recordFunnelMilestone(tx, {
    traceId: job.traceId,
    name: opts.status === "Completed" ? "provisioning_completed" : "provisioning_failed",
    step: "provision_infra",
    key: opts.jobId,
    properties: {
      job_id: opts.jobId,
      attempt: job.attempt,
      region: job.region,
      ...(opts.status === "Failed" ? { failure_stage: opts.failureStage ?? null } : {}),
    },
  });

  const session = await tx.onboardingSession.findFirst({
    where: { OR: [{ provisionJobId: opts.jobId }, { tenantId: job.tenantId }] },
    select: { id: true, provisionJobId: true },
  });
  if (!session) return;
  const locked = await lockSession(tx, session.id);
  if (!locked) return;
  const stepKey = { sessionId_key: { sessionId: session.id, key: "provision_infra" } };
  const step = await tx.onboardingStep.findUniqueOrThrow({ where: stepKey });
  const result = { job_id: opts.jobId, trace_id: job.traceId, attempt: job.attempt, outputs: job.outputs ?? null };
  if (session.provisionJobId !== opts.jobId) {
    // An operator retried the job from /cp rather than resuming the session:
    // a completed retry picks the failed session up again where it stopped.
    if (locked.status !== "failed" || step.status !== "failed" || opts.status !== "Completed") return;
    await tx.onboardingStep.update({
      where: stepKey,
      data: { status: "succeeded", finishedAt: new Date(), error: null, result: result as object },
    });
    await tx.onboardingSession.update({
      where: { id: session.id },
      data: { status: "in_progress", provisionJobId: opts.jobId, failedStep: null, error: null, finishedAt: null },
    });
    await scheduleAdvance(tx, session.id);
    return;
  }
  if (locked.status !== "in_progress" || step.status !== "running") return;
  if (opts.status === "Completed") {
    await tx.onboardingStep.update({
      where: stepKey,
      data: { status: "succeeded", finishedAt: new Date(), result: result as object },
    });
    await scheduleAdvance(tx, session.id);
  } else {
    await failSession(tx, {
      sessionId: session.id,
      step: "provision_infra",
      error: `Provisioning failed at ${opts.failureStage ?? "an unknown stage"}${opts.message ? `: ${opts.message}` : ""}`,
      result,
    });
  }
}
