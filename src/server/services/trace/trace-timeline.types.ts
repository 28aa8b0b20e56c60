import { z } from "zod";

export const TIMELINE_KINDS = ["funnel", "onboarding", "provision", "callback", "webhook"] as const;

/** One moment on a trace's timeline, whatever table it came from. */
export const ZTimelineEntry = z.object({
  at: z.date(),
  kind: z.enum(TIMELINE_KINDS),
  /** What happened, e.g. `code_sent`, `provision_infra running`, `ansible succeeded`. */
  title: z.string(),
  /** started | succeeded | failed | skipped | info | pending */
  status: z.string(),
  source: z.string(),
  detail: z.string().nullable(),
  /** Where to read more in /cp, when there is a page for it. */
  href: z.string().nullable(),
  /** Milliseconds since the entry before (null for the first). */
  gapMs: z.number().nullable(),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZTraceMatch = z.object({
  traceId: z.string(),
  /** Why this trace matched: the tenant, job, onboarding or person it belongs to. */
  label: z.string(),
  startedAt: z.date().nullable(),
});
export type TTraceMatch = z.infer<typeof ZTraceMatch>;
