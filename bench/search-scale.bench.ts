import pg from "pg";
import { scaleNames } from "../scripts/seed-scale-data";
import { createDb } from "@/server/db";
import { getFunnelStats } from "@/server/services/funnel/get-funnel-stats";
import { listOnboardingSessions } from "@/server/services/onboarding/list-onboarding-sessions";
import { getOverview } from "@/server/services/ops/get-overview";
import { listProvisionJobs } from "@/server/services/provisioning/list-provision-jobs";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { buildTraceTimeline } from "@/server/services/trace/build-trace-timeline";
import { findTraces } from "@/server/services/trace/find-traces";
import { EVENTS_PER_JOB, LARGE_JOBS as LARGE, scaleDatabase, SMALL_JOBS as SMALL } from "./scale-data";
import { interleave, percentile, timed, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "search-scale";
export const description =
  "/cp searches (jobs, tenants, onboarding: a slug, a name, part of a name, a word many names share), overview counts, a day of funnel stats and the trace explorer (find by slug, full timeline): 10k jobs vs 1M, events per job from BENCH_SCALE_EVENTS_PER_JOB";

/** A tenant both sides have (row 4242 is named the same at every size: scaleNames). */
const K = 4242;
const DAY = 24 * 3600_000;

type TDb = ReturnType<typeof createDb>;
type TNames = Awaited<ReturnType<typeof scaleNames>>;

/**
 * What a user would type: the tenant's slug, its name, one word of it, and a
 * word many names share (its industry, in one name of 30: a full page on both
 * sides).
 */
const queries = (names: TNames): [string, (db: TDb) => Promise<unknown>][] => {
  const [brand = "", industry = ""] = names.platformName.toLowerCase().split(" ");
  return [
    [`jobs: search by slug (${names.slug})`, (db) => listProvisionJobs({ db, limit: 50, q: names.slug })],
    [`tenants: search by company name (${names.platformName})`, (db) => listTenants({ db, limit: 50, q: names.platformName })],
    [`tenants: search by part of a name (${brand})`, (db) => listTenants({ db, limit: 50, q: brand })],
    [`tenants: search by a shared word (${industry})`, (db) => listTenants({ db, limit: 50, q: industry })],
    [`onboarding: search by slug (${names.slug})`, (db) => listOnboardingSessions({ db, limit: 50, q: names.slug })],
    ["overview counts", (db) => getOverview({ db })],
    ["funnel stats: last day", (db) => getFunnelStats({ db, from: new Date(Date.now() - DAY), to: new Date() })],
    [`trace explorer: find by slug (${names.slug})`, (db) => findTraces({ db, q: names.slug })],
    ["trace explorer: timeline", (db) => buildTraceTimeline({ db, traceId: `trace_scale${K}` })],
  ];
};

async function namesOf(url: string, i: number): Promise<TNames> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await scaleNames(client, i);
  } finally {
    await client.end();
  }
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  log(`${name}: seeding ${SMALL} and ${LARGE} jobs with ${EVENTS_PER_JOB} trace and funnel events each (shared with list-scale)`);
  const smallUrl = await scaleDatabase(databaseUrl, SMALL, log);
  const names = await namesOf(smallUrl, K);
  const QUERIES = queries(names);
  const small = createDb(smallUrl, { max: 2 });
  const large = createDb(await scaleDatabase(databaseUrl, LARGE, log), { max: 2 });
  const each = { small: QUERIES.map(() => [] as number[]), large: QUERIES.map(() => [] as number[]) };
  const round = async (db: TDb, into: number[][]) => {
    for (const [i, [, query]] of QUERIES.entries()) into[i]!.push(await timed(() => query(db)));
  };
  try {
    log(`${name}: 2 × 80 rounds of ${QUERIES.length} queries`);
    const { baseline, candidate } = await interleave({
      rounds: 8,
      perRound: 10,
      warmUp: 5,
      baseline: () => timed(() => round(small, each.small)),
      candidate: () => timed(() => round(large, each.large)),
    });
    for (const [i, [label]] of QUERIES.entries()) {
      // Warm-up samples included: p50 hardly moves.
      const s = percentile(each.small[i]!, 50);
      const l = percentile(each.large[i]!, 50);
      log(`${name}: ${label}: p50 ${s.toFixed(2)} ms at ${SMALL / 1000}k, ${l.toFixed(2)} ms at ${LARGE / 1_000_000}M (${(l / s).toFixed(2)}×)`);
    }
    return {
      metric: `${QUERIES.length} queries, one after another (ms)`,
      baseline: { label: `${SMALL / 1000}k jobs`, samples: baseline },
      candidate: { label: `${LARGE / 1_000_000}M jobs`, samples: candidate },
    };
  } finally {
    await small.$disconnect();
    await large.$disconnect();
  }
}
