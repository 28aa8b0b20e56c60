import { db as defaultDb, type TDbOrTx } from "@/server/db";
import type { TTimelineEntry } from "./trace-timeline.types";

type TEntry = Omit<TTimelineEntry, "gapMs">;

/** Plain values as `key: value · key: value`; anything nested as JSON. */
function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v))) {
      return entries.map(([k, v]) => `${k}: ${String(v)}`).join(" · ");
    }
  }
  return JSON.stringify(value);
}

const short = (value: unknown, max = 300): string | null => {
  if (value === null || value === undefined) return null;
  const text = describe(value);
  if (!text || text === "{}") return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

async function funnelEntries(db: TDbOrTx, traceId: string): Promise<TEntry[]> {
  const rows = await db.funnelEvent.findMany({
    where: { traceId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { name: true, step: true, source: true, properties: true, occurredAt: true },
    take: 2000,
  });
  return rows.map((r) => ({
    at: r.occurredAt,
    kind: "funnel",
    title: r.step ? `${r.name} · ${r.step}` : r.name,
    status: /failed/.test(r.name) ? "failed" : /completed|verified/.test(r.name) ? "succeeded" : "info",
    source: r.source,
    detail: short(r.properties),
    href: null,
  }));
}

async function onboardingEntries(db: TDbOrTx, traceId: string): Promise<TEntry[]> {
  const sessions = await db.onboardingSession.findMany({
    where: { traceId },
    select: { id: true, createdAt: true, steps: { orderBy: { position: "asc" } } },
  });
  return sessions.flatMap((s) => {
    const href = `/cp/onboarding/${s.id}`;
    const entries: TEntry[] = [{ at: s.createdAt, kind: "onboarding", title: "session created", status: "info", source: "embark", detail: s.id, href }];
    for (const step of s.steps) {
      if (step.startedAt) {
        entries.push({ at: step.startedAt, kind: "onboarding", title: `${step.key} started`, status: "started", source: "embark", detail: step.attempts > 1 ? `attempt ${step.attempts}` : null, href });
      }
      if (step.finishedAt) {
        entries.push({ at: step.finishedAt, kind: "onboarding", title: `${step.key} ${step.status}`, status: step.status, source: "embark", detail: step.error ?? null, href });
      }
    }
    return entries;
  });
}

async function traceEventEntries(db: TDbOrTx, traceId: string): Promise<TEntry[]> {
  const rows = await db.traceEvent.findMany({
    where: { traceId },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: { jobId: true, stage: true, status: true, message: true, source: true, occurredAt: true },
    take: 5000,
  });
  return rows.map((r) => ({
    at: r.occurredAt,
    kind: r.stage === "callback" || r.stage.startsWith("callback") ? "callback" : "provision",
    title: `${r.stage} ${r.status}`,
    status: r.status,
    source: r.source,
    detail: r.message,
    href: r.jobId ? `/cp/jobs/${r.jobId}` : null,
  }));
}

async function webhookEntries(db: TDbOrTx, traceId: string): Promise<TEntry[]> {
  const rows = await db.webhookDelivery.findMany({
    where: { traceId },
    orderBy: { createdAt: "asc" },
    select: { id: true, eventType: true, status: true, attempts: true, lastStatusCode: true, createdAt: true, deliveredAt: true, endpoint: { select: { url: true } } },
    take: 500,
  });
  return rows.flatMap((r) => {
    const href = `/cp/webhooks/deliveries/${r.id}`;
    const entries: TEntry[] = [
      { at: r.createdAt, kind: "webhook", title: `${r.eventType} queued`, status: "info", source: "embark", detail: r.endpoint.url, href },
    ];
    if (r.deliveredAt) {
      const code = r.lastStatusCode ? ` (HTTP ${r.lastStatusCode})` : "";
      entries.push({ at: r.deliveredAt, kind: "webhook", title: `${r.eventType} ${r.status}`, status: r.status, source: "embark", detail: `${r.attempts} attempt${r.attempts === 1 ? "" : "s"}${code}`, href });
    }
    return entries;
  });
}

const KIND_ORDER = { funnel: 0, onboarding: 1, provision: 2, callback: 3, webhook: 4 } as const;

/**
 * One timeline of everything that shares a trace id: funnel events,
 * onboarding steps, provision stages, callbacks and webhook deliveries,
 * oldest first, each with the gap since the one before.
 */
export async function buildTraceTimeline(opts: { db?: TDbOrTx; traceId: string }): Promise<TTimelineEntry[]> {
  const db = opts.db ?? defaultDb();
  const parts = await Promise.all([
    funnelEntries(db, opts.traceId),
    onboardingEntries(db, opts.traceId),
    traceEventEntries(db, opts.traceId),
    webhookEntries(db, opts.traceId),
  ]);
  // A stable sort keeps each source's own order for entries of the same instant.
  const all = parts.flat().sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return all.map((e, i) => ({ ...e, gapMs: i === 0 ? null : e.at.getTime() - all[i - 1]!.at.getTime() }));
}
