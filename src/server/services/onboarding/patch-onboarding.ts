import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { scheduleAdvance } from "./advance-onboarding";
import type { TOnboardingSession, TPatchOnboardingRequest } from "./onboarding.types";
import { loadOnboardingView, notFound } from "./onboarding-view";
import { completeSession, failSession, lockSession } from "./session-state";
import { canMoveSession, canMoveStep, isStepDone, ONBOARDING_STEP_KEYS } from "./steps";

function refuse(message: string, details: Record<string, unknown>): AppError {
  return new AppError("CONFLICT", { message, details });
}

/**
 * The seed's PATCH: a trusted caller reports steps, status or the provision
 * job. Every change is checked against the state machines (a finished step
 * or an ended session does not change; a session completes only when every
 * step is done) and written in one transaction with its audit row.
 */
export async function patchOnboarding(opts: {
  db?: TDb;
  input: TPatchOnboardingRequest;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TOnboardingSession> {
  const db = opts.db ?? defaultDb();
  const { input } = opts;
  return db.$transaction(async (tx) => {
    const locked = await lockSession(tx, input.id);
    if (!locked) throw notFound(input.id);
    const session = await tx.onboardingSession.findUniqueOrThrow({
      where: { id: input.id },
      include: { steps: { orderBy: { position: "asc" } } },
    });
    if (session.status === "completed" || session.status === "failed") {
      throw refuse(`${input.id} has ended (${session.status}); a failed session changes only through resume`, {
        status: session.status,
      });
    }
    const now = new Date();
    const statuses = new Map(session.steps.map((s) => [s.key, s.status]));
    let failedStep: { key: (typeof ONBOARDING_STEP_KEYS)[number]; error: string } | null = null;
    for (const change of input.steps ?? []) {
      const from = statuses.get(change.key)!;
      if (!canMoveStep(from, change.status)) {
        throw refuse(`Step ${change.key} cannot go from ${from} to ${change.status}`, { step: change.key, from, to: change.status });
      }
      if (change.status === "failed") {
        failedStep = { key: change.key, error: change.error ?? input.error ?? `${change.key} failed` };
        continue;
      }
      statuses.set(change.key, change.status);
      await tx.onboardingStep.update({
        where: { sessionId_key: { sessionId: input.id, key: change.key } },
        data: {
          status: change.status,
          ...(change.result ? { result: change.result as Prisma.InputJsonObject } : {}),
          ...(change.error ? { error: change.error } : {}),
          ...(change.status === "running" && from !== "running" ? { startedAt: now, attempts: { increment: 1 } } : {}),
          ...(isStepDone(change.status) ? { finishedAt: now } : {}),
        },
      });
    }
    if (input.provisionJobId) {
      const job = await tx.provisionJob.findUnique({ where: { id: input.provisionJobId }, select: { tenantId: true } });
      if (!job) throw new AppError("NOT_FOUND", { message: `No provision job ${input.provisionJobId}` });
      if (session.tenantId && job.tenantId !== session.tenantId) {
        throw refuse(`${input.provisionJobId} provisions another tenant`, { provisionJobId: input.provisionJobId });
      }
      await tx.onboardingSession.update({ where: { id: input.id }, data: { provisionJobId: input.provisionJobId } });
    }
    const target = failedStep ? "failed" : input.status;
    if (target && !canMoveSession(session.status, target)) {
      throw refuse(`${input.id} cannot go from ${session.status} to ${target}`, { from: session.status, to: target });
    }
    if (failedStep) {
      await failSession(tx, { sessionId: input.id, step: failedStep.key, error: failedStep.error });
    } else if (target === "failed") {
      const step = session.steps.find((s) => !isStepDone(statuses.get(s.key)!))?.key ?? "verify";
      await failSession(tx, { sessionId: input.id, step: step as (typeof ONBOARDING_STEP_KEYS)[number], error: input.error ?? "failed by request" });
    } else if (target === "completed") {
      const open = [...statuses].filter(([, s]) => !isStepDone(s)).map(([k]) => k);
      if (open.length > 0) throw refuse(`${input.id} cannot complete: ${open.join(", ")} not done`, { openSteps: open });
      await completeSession(tx, input.id);
    } else {
      if (target === "in_progress" && session.status === "pending") {
        await tx.onboardingSession.update({ where: { id: input.id }, data: { status: "in_progress", startedAt: now } });
      }
      if ((input.steps?.length ?? 0) > 0 && (target ?? session.status) === "in_progress") await scheduleAdvance(tx, input.id);
    }
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "onboarding.patch",
      targetType: "onboardingSession",
      targetId: input.id,
      details: { status: input.status ?? null, provisionJobId: input.provisionJobId ?? null, steps: input.steps?.map((s) => `${s.key}:${s.status}`) ?? [] },
      requestId: opts.requestId,
    });
    return loadOnboardingView(tx, input.id);
  });
}
