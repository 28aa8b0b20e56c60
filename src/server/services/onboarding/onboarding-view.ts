import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TOnboardingSession } from "./onboarding.types";
import type { TOnboardingStatus, TOnboardingStepKey, TPaymentStatus, TStepStatus } from "./steps";

export const SESSION_VIEW_INCLUDE = {
  steps: { orderBy: { position: "asc" } },
  tenant: { select: { canonicalHostname: true } },
} as const;

type TSessionRow = {
  id: string;
  userId: string;
  platformName: string;
  slug: string;
  tier: string;
  region: string;
  stackTemplateId: string | null;
  status: string;
  paymentStatus: string;
  checkoutUrl: string | null;
  tenantId: string | null;
  provisionJobId: string | null;
  traceId: string | null;
  failedStep: string | null;
  error: string | null;
  resumeCount: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  steps: {
    key: string;
    label: string;
    status: string;
    attempts: number;
    result: unknown;
    error: string | null;
    startedAt: Date | null;
    finishedAt: Date | null;
  }[];
  tenant: { canonicalHostname: string } | null;
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A session as callers see it: the seed's `{ onboardingId, jobId, status, steps }` and the rest. */
export function onboardingView(row: TSessionRow): TOnboardingSession {
  return {
    onboardingId: row.id,
    jobId: row.provisionJobId,
    status: row.status as TOnboardingStatus,
    steps: row.steps.map((s) => ({
      key: s.key as TOnboardingStepKey,
      label: s.label,
      status: s.status as TStepStatus,
      attempts: s.attempts,
      result: (s.result as Record<string, unknown> | null) ?? null,
      error: s.error,
      startedAt: iso(s.startedAt),
      finishedAt: iso(s.finishedAt),
    })),
    platformName: row.platformName,
    slug: row.slug,
    tier: row.tier as TOnboardingSession["tier"],
    region: row.region,
    userId: row.userId,
    stackTemplateId: row.stackTemplateId,
    paymentStatus: row.paymentStatus as TPaymentStatus,
    // Only worth following while payment is awaited.
    checkoutUrl: row.paymentStatus === "awaiting_payment" ? row.checkoutUrl : null,
    tenantId: row.tenantId,
    traceId: row.traceId,
    tenantUrl: row.tenant && row.status === "completed" ? `https://${row.tenant.canonicalHostname}` : null,
    failedStep: row.failedStep,
    error: row.error,
    resumeCount: row.resumeCount,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** One session with its steps; NOT_FOUND when there is none. */
export async function loadOnboardingView(db: TDbOrTx, id: string): Promise<TOnboardingSession> {
  const row = await db.onboardingSession.findUnique({ where: { id }, include: SESSION_VIEW_INCLUDE });
  if (!row) throw notFound(id);
  return onboardingView(row);
}

export function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", { message: `No onboarding session ${id}`, details: { onboardingId: id } });
}
