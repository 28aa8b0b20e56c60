import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { emailFingerprint } from "@/server/services/funnel/scrub-properties";
import type { TTraceMatch } from "./trace-timeline.types";

const MAX_MATCHES = 20;

/** The first moment anything happened on each trace (funnel event, trace event or session). */
async function startedAt(db: TDbOrTx, traceIds: string[]): Promise<Map<string, Date>> {
  if (traceIds.length === 0) return new Map();
  const [funnel, trace] = await Promise.all([
    db.funnelEvent.groupBy({ by: ["traceId"], where: { traceId: { in: traceIds } }, _min: { occurredAt: true } }),
    db.traceEvent.groupBy({ by: ["traceId"], where: { traceId: { in: traceIds } }, _min: { occurredAt: true } }),
  ]);
  const out = new Map<string, Date>();
  for (const row of [...funnel, ...trace]) {
    const at = row._min.occurredAt;
    if (!row.traceId || !at) continue;
    const known = out.get(row.traceId);
    if (!known || at < known) out.set(row.traceId, at);
  }
  return out;
}

/** Traces of the onboarding sessions of the users with this address, and of funnel events with its fingerprint. */
async function byEmail(db: TDbOrTx, email: string): Promise<{ traceId: string; label: string }[]> {
  const address = email.trim().toLowerCase();
  const [sessions, events] = await Promise.all([
    db.onboardingSession.findMany({
      where: { traceId: { not: null }, userId: { in: (await db.user.findMany({ where: { email: address }, select: { id: true } })).map((u) => u.id) } },
      select: { traceId: true, slug: true, id: true },
      orderBy: { createdAt: "desc" },
      take: MAX_MATCHES,
    }),
    db.funnelEvent.findMany({
      where: { emailFingerprint: emailFingerprint(address), traceId: { not: null } },
      distinct: ["traceId"],
      select: { traceId: true },
      take: MAX_MATCHES,
    }),
  ]);
  return [
    ...sessions.map((s) => ({ traceId: s.traceId!, label: `onboarding ${s.id} (${s.slug})` })),
    ...events.map((e) => ({ traceId: e.traceId!, label: `funnel events of ${address}` })),
  ];
}

/** Traces of a tenant by slug (or id): its provision jobs (one trace for all attempts) and its onboarding. */
async function byTenant(db: TDbOrTx, q: string): Promise<{ traceId: string; label: string }[]> {
  const tenants = await db.tenant.findMany({
    where: /^[0-9a-f-]{36}$/i.test(q) ? { id: q.toLowerCase() } : { slug: q.toLowerCase() },
    select: { id: true, slug: true, provisionJobs: { select: { traceId: true }, orderBy: { attempt: "asc" }, take: 1 } },
  });
  const sessions = await db.onboardingSession.findMany({
    where: { OR: [{ slug: q.toLowerCase() }, { tenantId: { in: tenants.map((t) => t.id) } }], traceId: { not: null } },
    select: { traceId: true, id: true, slug: true },
    take: MAX_MATCHES,
  });
  return [
    ...tenants.flatMap((t) => t.provisionJobs.map((j) => ({ traceId: j.traceId, label: `tenant ${t.slug}` }))),
    ...sessions.map((s) => ({ traceId: s.traceId!, label: `onboarding ${s.id} (${s.slug})` })),
  ];
}

/**
 * Traces a search names: a trace id, a provision job id, an onboarding id, an
 * email address (its sessions and fingerprinted funnel events) or a tenant
 * slug or id. Newest first, one row per trace.
 */
export async function findTraces(opts: { db?: TDbOrTx; q: string }): Promise<TTraceMatch[]> {
  const db = opts.db ?? defaultDb();
  const q = opts.q.trim();
  let found: { traceId: string; label: string }[] = [];
  if (/^trace_[A-Za-z0-9_-]{6,80}$/.test(q)) {
    found = [{ traceId: q, label: "trace id" }];
  } else if (/^job_[A-Za-z0-9_-]{6,80}$/.test(q)) {
    const job = await db.provisionJob.findUnique({ where: { id: q }, select: { traceId: true, tenant: { select: { slug: true } } } });
    found = job ? [{ traceId: job.traceId, label: `provision job ${q} (${job.tenant.slug})` }] : [];
  } else if (/^onb_[0-9A-Za-z]{10,40}$/.test(q)) {
    const s = await db.onboardingSession.findUnique({ where: { id: q }, select: { traceId: true, slug: true } });
    found = s?.traceId ? [{ traceId: s.traceId, label: `onboarding ${q} (${s.slug})` }] : [];
  } else if (q.includes("@")) {
    found = await byEmail(db, q);
  } else if (q) {
    found = await byTenant(db, q);
  }
  const unique = [...new Map(found.map((f) => [f.traceId, f])).values()].slice(0, MAX_MATCHES);
  const starts = await startedAt(db, unique.map((f) => f.traceId));
  return unique
    .map((f) => ({ ...f, startedAt: starts.get(f.traceId) ?? null }))
    .sort((a, b) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0));
}
