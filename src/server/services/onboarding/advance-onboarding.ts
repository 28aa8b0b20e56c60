import { enqueue } from "@/jobs/registry";
import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { runCreatePlatform } from "./create-platform";
import { mintDeployToken } from "./deploy-token";
import { completeSession, failSession, lockSession, startStep } from "./session-state";
import { deployServices, RetryableStepError, setupRepo, verifyTenant, type TStepOutcome, type TStepSession } from "./step-actions";
import { isStepDone, type TOnboardingStepKey } from "./steps";

/** How long deploy_services waits for its workflow to call back before the step fails. */
export const DEPLOY_CALLBACK_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * A setup_repo or verify still `running` after this long was left by a runner
 * that died (and whose job will not run again: a job's own retry takes up the
 * step it left at once).
 */
const STALE_RUNNING_MS = 2 * 60 * 1000;

/**
 * Queues the step runner for a session, in the caller's transaction. Two
 * runners at once are harmless: each pass works on the locked session row.
 */
export async function scheduleAdvance(db: TDbOrTx, sessionId: string, opts: { startAfter?: Date } = {}): Promise<void> {
  await enqueue("onboarding.advance", { sessionId }, { db, startAfter: opts.startAfter });
}

type TStepRow = { key: string; status: string; result: unknown; startedAt: Date | null; runnerJobId: string | null };

/** What one pass found to do. */
type TPass =
  | { kind: "stop" }
  | { kind: "again" }
  | { kind: "run"; step: "setup_repo" | "deploy_services" | "verify"; session: TPassSession; deployToken?: string };

/** The session as the pass read it under its lock: what the step's action works from. */
type TPassSession = TStepSession & { steps: { key: string; result: unknown }[] };

/**
 * The step runner: runs a session's first unfinished step, then the next,
 * until the session completes, fails, or waits for a callback (the provision
 * job, the deploy workflow). Finished steps never run again. Safe to run
 * twice at once and after a crash: each pass works on the locked session
 * row, and a step found `running` after a crash is run again (setup_repo and
 * verify are idempotent): at once by the retry of the job whose worker died
 * (the step names it), by any runner once it is stale.
 */
export async function advanceOnboarding(opts: {
  db?: TDb;
  sessionId: string;
  /** The background job running this pass (pg-boss id): the steps it starts name it. */
  runnerJobId?: string;
  signal?: AbortSignal;
  /** False while the background job has retries left: transient failures are thrown for a later try. */
  isLastAttempt?: boolean;
}): Promise<void> {
  const db = opts.db ?? defaultDb();
  for (let pass = 0; pass < 12; pass++) {
    const next = await db.$transaction((tx) => planPass(tx, opts.sessionId, opts.runnerJobId));
    if (next.kind === "stop") return;
    if (next.kind === "again") continue;
    const { session } = next;
    let outcome: TStepOutcome;
    try {
      outcome =
        next.step === "setup_repo"
          ? await setupRepo(session, opts.signal)
          : next.step === "deploy_services"
            ? await deployServices(session, resultOf(session.steps, "setup_repo"), next.deployToken!, opts.signal)
            : await verifyTenant(db, session);
    } catch (err) {
      if (err instanceof RetryableStepError && opts.isLastAttempt === false) {
        // Back to pending, so the job's next try runs the step again.
        await db.onboardingStep.updateMany({
          where: { sessionId: opts.sessionId, key: next.step, status: "running" },
          data: { status: "pending", error: err.message },
        });
        throw err;
      }
      outcome = { status: "failed", error: err instanceof Error ? err.message : String(err) };
    }
    const more = await db.$transaction((tx) => recordOutcome(tx, opts.sessionId, next.step, outcome));
    if (!more) return;
  }
}

function resultOf(steps: { key: string; result: unknown }[], key: TOnboardingStepKey): Record<string, unknown> | null {
  return (steps.find((s) => s.key === key)?.result as Record<string, unknown> | null) ?? null;
}

async function planPass(tx: TDbOrTx, sessionId: string, runnerJobId: string | undefined): Promise<TPass> {
  const locked = await lockSession(tx, sessionId);
  if (!locked || locked.status !== "in_progress") return { kind: "stop" };
  const session = await tx.onboardingSession.findUniqueOrThrow({
    where: { id: sessionId },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  const step = session.steps.find((s) => !isStepDone(s.status)) as TStepRow | undefined;
  if (!step) {
    await completeSession(tx, sessionId);
    return { kind: "stop" };
  }
  const key = step.key as TOnboardingStepKey;
  // This job started the step and is running again: its earlier attempt's worker died mid-step.
  const leftByMe = runnerJobId !== undefined && step.status === "running" && step.runnerJobId === runnerJobId;
  if (step.status === "failed") {
    // A step failed by hand (PATCH) without failing the session: the session follows it.
    await failSession(tx, { sessionId, step: key, error: "step failed" });
    return { kind: "stop" };
  }
  switch (key) {
    case "create_platform": {
      const started = await runCreatePlatform(tx, session, { onTaken: "fail" });
      return started ? { kind: "again" } : { kind: "stop" };
    }
    case "provision_infra":
      // Ends when the provision job's outcome arrives (onProvisionJobEnded).
      return { kind: "stop" };
    case "deploy_services": {
      if (step.status === "running") {
        const age = step.startedAt ? Date.now() - step.startedAt.getTime() : 0;
        if (age >= DEPLOY_CALLBACK_TIMEOUT_MS) {
          await failSession(tx, {
            sessionId,
            step: key,
            error: `The deploy workflow did not call back within ${DEPLOY_CALLBACK_TIMEOUT_MS / 60_000} minutes`,
          });
          return { kind: "stop" };
        }
        // Dispatched (the run is recorded), or being dispatched right now: wait for the callback.
        const dispatched = typeof (step.result as Record<string, unknown> | null)?.workflow === "string";
        if (dispatched || (age < STALE_RUNNING_MS && !leftByMe)) return { kind: "stop" };
        // The runner died before recording a dispatch: dispatch again below, with a new token.
      }
      const { token, tokenHash } = mintDeployToken();
      // A fresh result: a run recorded by an earlier attempt is not this one.
      await startStep(tx, sessionId, key, { result: {}, runnerJobId });
      await tx.onboardingSession.update({ where: { id: sessionId }, data: { deployTokenHash: tokenHash } });
      // The timeout check is queued with the start, so it exists even if this runner dies mid-dispatch.
      await scheduleAdvance(tx, sessionId, { startAfter: new Date(Date.now() + DEPLOY_CALLBACK_TIMEOUT_MS + 1_000) });
      return { kind: "run", step: key, session, deployToken: token };
    }
    case "setup_repo":
    case "verify":
      // Running and recent: another runner has it, unless that was this job before its worker died.
      // Running and old: that runner died; run it again.
      if (step.status === "running" && !leftByMe && step.startedAt && Date.now() - step.startedAt.getTime() < STALE_RUNNING_MS) {
        return { kind: "stop" };
      }
      await startStep(tx, sessionId, key, { runnerJobId });
      return { kind: "run", step: key, session };
  }
}

/** Writes a step's outcome; true when the runner should go on to the next step. */
async function recordOutcome(
  tx: TDbOrTx,
  sessionId: string,
  key: TOnboardingStepKey,
  outcome: TStepOutcome,
): Promise<boolean> {
  const locked = await lockSession(tx, sessionId);
  if (!locked || locked.status !== "in_progress") return false;
  const step = await tx.onboardingStep.findUniqueOrThrow({ where: { sessionId_key: { sessionId, key } } });
  // Changed meanwhile (a PATCH, another runner): that outcome stands.
  if (step.status !== "running") return true;
  const result = (outcome.result ?? undefined) as Prisma.InputJsonObject | undefined;
  switch (outcome.status) {
    case "failed":
      await failSession(tx, { sessionId, step: key, error: outcome.error, result: outcome.result });
      return false;
    case "waiting":
      await tx.onboardingStep.update({ where: { sessionId_key: { sessionId, key } }, data: { result } });
      return false;
    default:
      await tx.onboardingStep.update({
        where: { sessionId_key: { sessionId, key } },
        data: { status: outcome.status, result, finishedAt: new Date() },
      });
      return true;
  }
}
