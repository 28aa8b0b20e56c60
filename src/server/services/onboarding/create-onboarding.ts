import { env } from "@/env";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { createCheckoutSession } from "@/server/integrations/stripe/create-checkout-session";
import { withIdempotency } from "@/server/services/idempotency/with-idempotency";
import { planAvailability } from "@/server/services/payments/plan-availability";
import { recordFunnelMilestone } from "@/server/services/funnel/record-funnel-milestone";
import { newTraceId } from "@/server/services/provisioning/ids";
import { sortableId } from "@/server/services/shared/random-id";
import { checkSlugAvailability } from "@/server/services/tenants/check-slug-availability";
import { assertFailureSimulationAllowed, withSlugConflict } from "@/server/services/tenants/create-tenant";
import { runCreatePlatform } from "./create-platform";
import { failSession, lockSession } from "./session-state";
import type { TCreateOnboardingRequest, TOnboardingSession } from "./onboarding.types";
import { loadOnboardingView, onboardingView, SESSION_VIEW_INCLUDE } from "./onboarding-view";
import { ONBOARDING_STEPS } from "./steps";

export const newOnboardingId = (): string => `onb_${sortableId()}`;

/** A slug is free when no tenant has it and no open checkout holds it. */
async function assertSlugFree(tx: TDbOrTx, slug: string, userId: string): Promise<void> {
  const check = await checkSlugAvailability({ db: tx, slug, exceptUserId: userId });
  if (!check.available) {
    throw new AppError("CONFLICT", {
      message: `The subdomain ${slug} is not available: ${check.reason ?? "taken"}`,
      details: { field: "slug", slug },
    });
  }
}

/**
 * An onboarding belongs to a user who can sign in and follow it: a caller
 * naming any other id (an internal key, an API key) is told so, instead of
 * opening a session nobody will ever see.
 */
async function assertUserExists(db: TDbOrTx, userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) {
    throw new AppError("BAD_REQUEST", {
      message: `userId ${JSON.stringify(userId)} names no user: an onboarding is opened for an existing user, so the customer signs in first`,
      details: { field: "userId" },
    });
  }
}

/**
 * The wizard's trace id, unless someone else's session or a provision job
 * already carries it: a trace id sent by a browser must not join another
 * person's trace.
 */
async function claimTraceId(tx: TDbOrTx, wanted: string | undefined, userId: string): Promise<string> {
  if (!wanted) return newTraceId();
  const [otherSession, job] = await Promise.all([
    tx.onboardingSession.findFirst({ where: { traceId: wanted, userId: { not: userId } }, select: { id: true } }),
    tx.provisionJob.findFirst({ where: { traceId: wanted }, select: { id: true } }),
  ]);
  return otherSession || job ? newTraceId() : wanted;
}

/**
 * A user who starts over (a cancelled checkout, another plan) replaces their
 * own unpaid session for the same slug: it fails, so its checkout no longer
 * starts anything and the slug is not held twice.
 */
async function supersedeUnpaid(tx: TDbOrTx, opts: { userId: string; slug: string; by: string }): Promise<void> {
  const open = await tx.onboardingSession.findMany({
    where: { userId: opts.userId, slug: opts.slug, status: "pending", paymentStatus: "awaiting_payment" },
    select: { id: true },
  });
  for (const { id } of open) {
    await lockSession(tx, id);
    await failSession(tx, { sessionId: id, step: "create_platform", error: `Replaced by ${opts.by} before payment` });
  }
}

/**
 * Starts an onboarding. One transaction writes the session and its five
 * steps; a free tier then runs `create_platform` in the same transaction
 * (tenant, placement, provision job), so the answer carries the job id and a
 * taken slug leaves nothing behind. A paid tier waits for Stripe Checkout:
 * the session holds the slug and the answer carries the checkout URL.
 */
export async function createOnboarding(opts: {
  db?: TDb;
  input: TCreateOnboardingRequest;
  /** Who asks: `user:<id>`, `apiKey:<id>` or `internal`; also the idempotency scope. */
  callerScope: string;
  /** Where Stripe sends the buyer back to; defaults to the wizard. */
  returnPath?: string;
  customerEmail?: string | null;
  idempotencyKey?: string | null;
}): Promise<TOnboardingSession> {
  const db = opts.db ?? defaultDb();
  const { input } = opts;
  const paid = input.tier !== "starter";
  if (paid) {
    const availability = planAvailability()[input.tier];
    if (!availability.available) {
      throw new AppError("UNPROCESSABLE", {
        message: `The ${input.tier} plan is unavailable: ${availability.reason ?? "payments are not configured"}`,
        details: { field: "tier", reason: availability.reason ?? null, provider: "stripe", notOffered: true },
      });
    }
  }
  assertFailureSimulationAllowed(input.simulate_failure_stage);
  await assertUserExists(db, input.userId);
  const region = input.region ?? env().DEFAULT_REGION;

  // A retry with the same Idempotency-Key gets the same session, as it is now.
  const { id } = await withSlugConflict(input.slug, () =>
    withIdempotency<{ id: string }>({
      db,
      scope: `${opts.callerScope}:onboarding.create`,
      key: opts.idempotencyKey ?? null,
      request: input,
      work: async (tx) => {
        await assertSlugFree(tx, input.slug, input.userId);
        const id = newOnboardingId();
        await supersedeUnpaid(tx, { userId: input.userId, slug: input.slug, by: id });
        const traceId = await claimTraceId(tx, input.traceId, input.userId);
        const session = await tx.onboardingSession.create({
          data: {
            id,
            userId: input.userId,
            platformName: input.platformName,
            slug: input.slug,
            tier: input.tier,
            region,
            stackTemplateId: input.stackTemplateId ?? null,
            simulateFailureStage: input.simulate_failure_stage ?? null,
            paymentStatus: paid ? "awaiting_payment" : "not_required",
            createdBy: opts.callerScope,
            traceId,
            steps: { create: ONBOARDING_STEPS.map((s, position) => ({ key: s.key, label: s.label, position })) },
          },
        });
        await recordFunnelMilestone(tx, { traceId, name: "company_submitted", step: "company", properties: { region } });
        await recordFunnelMilestone(tx, { traceId, name: "plan_chosen", step: "plan", key: id, properties: { tier: input.tier, region } });
        if (!paid) await runCreatePlatform(tx, session, { onTaken: "throw" });
        return { id };
      },
    }),
  );
  const created = await loadOnboardingView(db, id);
  if (created.paymentStatus !== "awaiting_payment") return created;
  return ensureCheckout({ db, id, returnPath: opts.returnPath, customerEmail: opts.customerEmail });
}

/**
 * Makes sure an unpaid session has its Stripe Checkout. Stripe's idempotency
 * key is derived from the session id, so a repeat (a retried request, a
 * crash between Stripe's answer and our write) gets the same checkout.
 */
export async function ensureCheckout(opts: {
  db?: TDb;
  id: string;
  returnPath?: string;
  customerEmail?: string | null;
}): Promise<TOnboardingSession> {
  const db = opts.db ?? defaultDb();
  const session = await db.onboardingSession.findUnique({ where: { id: opts.id }, include: SESSION_VIEW_INCLUDE });
  if (!session) throw new AppError("NOT_FOUND", { message: `No onboarding session ${opts.id}` });
  if (session.paymentStatus !== "awaiting_payment" || session.checkoutUrl) return onboardingView(session);
  const base = env().EMBARK_PUBLIC_URL;
  const back = `${base}${opts.returnPath ?? "/onboarding"}`;
  const join = back.includes("?") ? "&" : "?";
  const checkout = await createCheckoutSession({
    onboardingId: session.id,
    tier: session.tier as "growth" | "scale",
    customerEmail: opts.customerEmail ?? null,
    successUrl: `${back}${join}session=${session.id}&checkout=success`,
    cancelUrl: `${back}${join}session=${session.id}&checkout=cancelled`,
  });
  const updated = await db.onboardingSession.update({
    where: { id: session.id },
    data: { checkoutSessionId: checkout.id, checkoutUrl: checkout.url },
    include: SESSION_VIEW_INCLUDE,
  });
  if (updated.traceId) {
    await recordFunnelMilestone(db, {
      traceId: updated.traceId,
      name: "checkout_started",
      step: "plan",
      key: checkout.id,
      properties: { tier: updated.tier, region: updated.region },
    });
  }
  return onboardingView(updated);
}
