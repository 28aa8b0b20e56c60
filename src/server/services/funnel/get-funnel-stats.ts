import { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { EMBARK_FUNNEL_SOURCE } from "./funnel-event";
import { FUNNEL_STEPS, type TFunnelStats, type TFunnelStatsQuery, type TFunnelStep } from "./funnel-stats.types";

/**
 * The traces that started in the period (their first milestone), each step's
 * first time per trace, and the plan and region the trace chose. Filters on
 * plan or region keep only traces that chose them.
 */
function cohortSql(q: TFunnelStatsQuery): Prisma.Sql {
  const filters: Prisma.Sql[] = [];
  if (q.plan) filters.push(Prisma.sql`p.plan = ${q.plan}`);
  if (q.region) filters.push(Prisma.sql`p.region = ${q.region}`);
  const where = filters.length ? Prisma.sql`WHERE ${Prisma.join(filters, " AND ")}` : Prisma.empty;
  const steps = Prisma.join([...FUNNEL_STEPS]);
  // A trace whose first milestone is in the period has a milestone in the period: the candidates come from
  // the period alone (the occurred_at index). Each candidate's own milestones are then read through the
  // trace_id index, one LATERAL lookup per trace, so the cost follows the period, not the table. `plans`
  // is materialized: inlined, the planner re-ran its lookups once per joined row.
  return Prisma.sql`
    WITH candidates AS (
      SELECT DISTINCT trace_id
        FROM funnel_events
       WHERE occurred_at >= ${q.from} AND occurred_at < ${q.to}
         AND source = ${EMBARK_FUNNEL_SOURCE} AND trace_id IS NOT NULL AND name IN (${steps})
    ), firsts AS (
      SELECT c.trace_id, f.name, f.at
        FROM candidates c
       CROSS JOIN LATERAL (
              SELECT e.name, min(e.occurred_at) AS at
                FROM funnel_events e
               WHERE e.trace_id = c.trace_id AND e.source = ${EMBARK_FUNNEL_SOURCE} AND e.name IN (${steps})
               GROUP BY e.name) f
    ), cohort AS (
      SELECT trace_id FROM firsts GROUP BY trace_id HAVING min(at) >= ${q.from} AND min(at) < ${q.to}
    ), plans AS MATERIALIZED (
      SELECT c.trace_id, p.plan, p.region
        FROM cohort c
       CROSS JOIN LATERAL (
              SELECT e.properties->>'tier' AS plan, e.properties->>'region' AS region
                FROM funnel_events e
               WHERE e.trace_id = c.trace_id AND e.source = ${EMBARK_FUNNEL_SOURCE} AND e.name = 'plan_chosen'
               ORDER BY e.occurred_at DESC
               LIMIT 1) p
    ), traced AS (
      SELECT f.trace_id, f.name, f.at, p.plan, p.region
        FROM firsts f JOIN cohort c USING (trace_id) LEFT JOIN plans p USING (trace_id)
        ${where}
    )`;
}

type TCountRow = { name: TFunnelStep; plan: string | null; region: string | null; traces: number };
type TTimingRow = { from_step: TFunnelStep; to_step: TFunnelStep; traces: number; median: number | null; p90: number | null };

function sumBy(rows: TCountRow[], key: "plan" | "region", from: number): TFunnelStats["byPlan"] {
  const groups = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (FUNNEL_STEPS.indexOf(row.name) < from) continue;
    const k = row[key] ?? "unknown";
    const counts = groups.get(k) ?? {};
    counts[row.name] = (counts[row.name] ?? 0) + row.traces;
    groups.set(k, counts);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, counts]) => ({ key: k, counts }));
}

/**
 * Conversion and drop-off per step for traces that started in [from, to),
 * median and p90 time between consecutive steps, and counts by plan and
 * region. Built from Embark's own milestones only (the debug stream may be off).
 */
export async function getFunnelStats(opts: TFunnelStatsQuery & { db?: TDbOrTx }): Promise<TFunnelStats> {
  const db = opts.db ?? defaultDb();
  if (opts.to <= opts.from) throw new AppError("BAD_REQUEST", { message: "The period must end after it starts", details: { field: "to" } });
  const base = cohortSql(opts);
  const pairs = FUNNEL_STEPS.slice(1).map((to, i) => Prisma.sql`(${FUNNEL_STEPS[i]!}, ${to})`);
  // One statement: the cohort (a CTE used three times, so computed once) feeds the counts, the timings
  // and the number started.
  // Every trace of the period counts as started, also one that entered after the first step (an onboarding
  // opened through the API has no signup): conversion is over all of them, so it never passes 100%.
  const [row] = await db.$queryRaw<{ counts: TCountRow[] | null; timings: TTimingRow[] | null; started: number }[]>`${base},
    pairs(from_step, to_step) AS (VALUES ${Prisma.join(pairs)})
    SELECT
      (SELECT json_agg(c) FROM (SELECT name, plan, region, count(*)::int AS traces FROM traced GROUP BY name, plan, region) c) AS counts,
      (SELECT json_agg(t) FROM (
         SELECT pairs.from_step, pairs.to_step, count(b.trace_id)::int AS traces,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM b.at - a.at))::float8 AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM b.at - a.at))::float8 AS p90
           FROM pairs
           LEFT JOIN traced a ON a.name = pairs.from_step
           LEFT JOIN traced b ON b.trace_id = a.trace_id AND b.name = pairs.to_step
          GROUP BY pairs.from_step, pairs.to_step) t) AS timings,
      (SELECT count(DISTINCT trace_id)::int FROM traced) AS started`;
  const counts = row?.counts ?? [];
  const timings = row?.timings ?? [];
  const started = row?.started ?? 0;
  const total = new Map<TFunnelStep, number>();
  for (const row of counts) total.set(row.name, (total.get(row.name) ?? 0) + row.traces);
  const steps = FUNNEL_STEPS.map((step, i) => {
    const traces = total.get(step) ?? 0;
    const previous = i === 0 ? traces : (total.get(FUNNEL_STEPS[i - 1]!) ?? 0);
    return { step, traces, conversion: started > 0 ? traces / started : 0, dropOff: Math.max(0, previous - traces) };
  });
  const byPair = new Map(timings.map((t) => [`${t.from_step}>${t.to_step}`, t]));
  const planFrom = FUNNEL_STEPS.indexOf("plan_chosen");
  return {
    from: opts.from,
    to: opts.to,
    started,
    steps,
    timings: FUNNEL_STEPS.slice(1).map((to, i) => {
      const from = FUNNEL_STEPS[i]!;
      const t = byPair.get(`${from}>${to}`);
      const traces = t?.traces ?? 0;
      return { from, to, traces, medianSeconds: traces ? (t?.median ?? null) : null, p90Seconds: traces ? (t?.p90 ?? null) : null };
    }),
    byPlan: sumBy(counts, "plan", planFrom),
    byRegion: sumBy(counts, "region", planFrom),
  };
}
