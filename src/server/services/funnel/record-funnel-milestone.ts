import { type TDbOrTx } from "@/server/db";
import { logger } from "@/server/logger";
import { EMBARK_FUNNEL_SOURCE } from "./funnel-event";
import { insertFunnelRows } from "./ingest-funnel-events";

/** Milestones Embark records itself, always on, with the trace id and no personal data. */
export const FUNNEL_MILESTONES = [
  "signup_started",
  "code_sent",
  "code_verified",
  "company_submitted",
  "plan_chosen",
  "checkout_started",
  "checkout_completed",
  "provisioning_completed",
  "provisioning_failed",
  "onboarding_completed",
  "onboarding_failed",
] as const;
export type TFunnelMilestone = (typeof FUNNEL_MILESTONES)[number];

/** Milestones that happen once per trace; a second one (a retried request) adds nothing. */
const ONCE_PER_TRACE = new Set<TFunnelMilestone>(["signup_started", "company_submitted", "checkout_completed"]);

type TMilestone = {
  traceId: string;
  name: TFunnelMilestone;
  /** Keys the record by what it is about (a job, a session), so a replayed callback adds nothing. */
  key?: string;
  step?: string;
  /** Plan, region, stage and such: never an address, a code or a name a person typed. */
  properties?: Record<string, string | number | boolean | null>;
  occurredAt?: Date;
};

/**
 * Records one of Embark's milestones in the caller's transaction. Ids are
 * derived from the trace (and `key`), in a shape the browser's debug stream
 * cannot send, so they cannot be forged or doubled.
 */
export async function recordFunnelMilestone(db: TDbOrTx, m: TMilestone): Promise<void> {
  const suffix = m.key ?? (ONCE_PER_TRACE.has(m.name) ? "once" : crypto.randomUUID());
  await insertFunnelRows(db, [
    {
      eventId: `embark:${m.traceId}:${m.name}:${suffix}`,
      source: EMBARK_FUNNEL_SOURCE,
      name: m.name,
      step: m.step ?? null,
      sessionId: null,
      traceId: m.traceId,
      emailFingerprint: null,
      properties: m.properties ?? {},
      occurredAt: m.occurredAt ?? new Date(),
    },
  ]);
}

/**
 * The same outside a transaction, for places (sign-in hooks) where a lost
 * milestone must not fail the person's request: a failure is logged, not thrown.
 */
export async function recordFunnelMilestoneQuietly(db: TDbOrTx, m: TMilestone): Promise<void> {
  try {
    await recordFunnelMilestone(db, m);
  } catch (err) {
    logger.warn({ err, milestone: m.name }, "funnel milestone not recorded");
  }
}
