import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { startRetryAttempt } from "@/server/services/provisioning/retry-provision-job";
import { scheduleAdvance } from "./advance-onboarding";
import type { TOnboardingSession } from "./onboarding.types";
import { loadOnboardingView, notFound } from "./onboarding-view";
import { lockSession, startStep } from "./session-state";
import { isStepDone } from "./steps";

/**
 * Resumes a failed session at its first unfinished step; finished steps
 * never run again. A failed `provision_infra` starts a new attempt of the
 * provision job through the spine's retry; any other step goes back to
 * pending for the step runner. All in one transaction with the runner's job.
 */
export async function resumeOnboarding(opts: {
  db?: TDb;
  id: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TOnboardingSession> {
  const db = opts.db ?? defaultDb();
  return db.$transaction(async (tx) => {
    const locked = await lockSession(tx, opts.id);
    if (!locked) throw notFound(opts.id);
    if (locked.status !== "failed") {
      throw new AppError("CONFLICT", {
        message: `Only a failed onboarding can be resumed; ${opts.id} is ${locked.status}`,
        details: { onboardingId: opts.id, status: locked.status },
      });
    }
    const session = await tx.onboardingSession.findUniqueOrThrow({
      where: { id: opts.id },
      include: { steps: { orderBy: { position: "asc" } } },
    });
    const step = session.steps.find((s) => !isStepDone(s.status));
    if (!step) throw new AppError("CONFLICT", { message: `${opts.id} has no unfinished step to resume` });
    const now = new Date();
    let provisionJobId = session.provisionJobId;
    if (step.key === "provision_infra" && session.provisionJobId) {
      const job = await tx.provisionJob.findUniqueOrThrow({
        where: { id: session.provisionJobId },
        select: { status: true },
      });
      if (job.status === "Failed") {
        const retry = await startRetryAttempt(tx, {
          jobId: session.provisionJobId,
          actor: opts.actor,
          requestId: opts.requestId,
        });
        provisionJobId = retry.job_id;
        await startStep(tx, opts.id, "provision_infra", {
          result: {
            job_id: retry.job_id,
            trace_id: retry.trace_id,
            attempt: retry.attempt,
            retry_of_job_id: retry.retry_of_job_id,
          },
        });
      } else {
        // The job did not fail (the step was failed by hand): wait for its outcome again.
        await tx.onboardingStep.update({
          where: { sessionId_key: { sessionId: opts.id, key: step.key } },
          data: { status: job.status === "Completed" ? "succeeded" : "running", error: null, finishedAt: job.status === "Completed" ? now : null },
        });
      }
    } else {
      await tx.onboardingStep.update({
        where: { sessionId_key: { sessionId: opts.id, key: step.key } },
        data: { status: "pending", error: null, finishedAt: null },
      });
    }
    await tx.onboardingSession.update({
      where: { id: opts.id },
      data: {
        status: "in_progress",
        provisionJobId,
        resumeCount: { increment: 1 },
        failedStep: null,
        error: null,
        finishedAt: null,
      },
    });
    await scheduleAdvance(tx, opts.id);
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "onboarding.resume",
      targetType: "onboardingSession",
      targetId: opts.id,
      details: { step: step.key, provisionJobId },
      requestId: opts.requestId,
    });
    return loadOnboardingView(tx, opts.id);
  });
}
