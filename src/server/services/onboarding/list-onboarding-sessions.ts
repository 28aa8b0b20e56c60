import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb } from "@/server/db";
import { afterKeysetCursor, keysetPage, searchParts, type TListQuery } from "@/server/services/shared/keyset-cursor";
import type { TOnboardingSession } from "./onboarding.types";
import { onboardingView, SESSION_VIEW_INCLUDE } from "./onboarding-view";

/**
 * Onboarding sessions, newest first, a page at a time. `q` matches a session
 * id, tenant id, job id or user id exactly, or part of the slug or platform
 * name (trigram indexes, word by word: searchParts).
 */
export async function listOnboardingSessions(
  opts: TListQuery & { tier?: string; failedStep?: string },
): Promise<{ items: TOnboardingSession[]; nextCursor: string | null }> {
  const db = opts.db ?? defaultDb();
  const and: Prisma.OnboardingSessionWhereInput[] = [];
  if (opts.status) and.push({ status: opts.status });
  if (opts.region) and.push({ region: opts.region });
  if (opts.tier) and.push({ tier: opts.tier });
  if (opts.failedStep) and.push({ failedStep: opts.failedStep });
  const q = opts.q?.trim();
  if (q) {
    and.push({
      OR: [
        { id: q },
        { provisionJobId: q },
        { userId: q },
        { traceId: q },
        { AND: searchParts(q.toLowerCase()).map((part) => ({ slug: { contains: part } })) },
        { AND: searchParts(q).map((part) => ({ platformName: { contains: part, mode: "insensitive" as const } })) },
      ],
    });
  }
  const after = afterKeysetCursor(opts.cursor);
  if (after) and.push(after);
  const rows = await db.onboardingSession.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    include: SESSION_VIEW_INCLUDE,
  });
  const { page, nextCursor } = keysetPage(rows, opts.limit);
  return { items: page.map(onboardingView), nextCursor };
}

/** A user's latest session (the wizard continues it after a reload); null when there is none. */
export async function latestSessionOf(opts: { userId: string }): Promise<TOnboardingSession | null> {
  const row = await defaultDb().onboardingSession.findFirst({
    where: { userId: opts.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: SESSION_VIEW_INCLUDE,
  });
  return row ? onboardingView(row) : null;
}
