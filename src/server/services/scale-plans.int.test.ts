import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaleNames, seedScale } from "../../../scripts/seed-scale-data";
import { resetDatabase, testDatabaseUrl } from "../../../test/support/db";
import { PrismaClient } from "@/generated/prisma/client";
import { emailFingerprint } from "@/server/services/funnel/scrub-properties";
import { getFunnelStats } from "@/server/services/funnel/get-funnel-stats";
import { listFunnelEvents } from "@/server/services/funnel/list-funnel-events";
import { listOnboardingSessions } from "@/server/services/onboarding/list-onboarding-sessions";
import { getOverview } from "@/server/services/ops/get-overview";
import { listProvisionJobs } from "@/server/services/provisioning/list-provision-jobs";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { buildTraceTimeline } from "@/server/services/trace/build-trace-timeline";
import { findTraces } from "@/server/services/trace/find-traces";
import { listTrace } from "@/server/services/trace/list-trace";

/**
 * The plans Postgres picks for the dashboard's queries once the tables are
 * big: each query is captured from the real service call (Prisma's query
 * events), explained with its own parameters, and must not read a big table
 * from end to end.
 */
const BIG_TABLES = new Set(["provision_jobs", "trace_events", "funnel_events", "tenants", "onboarding_sessions", "webhook_deliveries"]);
const JOBS = 50_000;
const EVENTS = 150_000;

const DELIVERIES = 20_000;

/**
 * No statement may read more rows of the big tables than this: a walk of a
 * whole index (newest first, filtering as it goes) has no sequential scan
 * but reads every row all the same.
 */
const MAX_ROWS_READ = 15_000;

type TPlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: TPlanNode[];
};
type TCaptured = { query: string; params: unknown[] };

let admin: pg.Client;
let prisma: PrismaClient;
let captured: TCaptured[] = [];
/** The seeded names of tenant `n` (slug `kavoze-logistics`, company `Kavoze Logistics Ltd`). */
let names: { slug: string; companyName: string; platformName: string; brand: string; industry: string };

/**
 * Big tables read by a sequential scan. One directly under a Limit is
 * bounded and allowed: it stops at the limit, and the planner picks it only
 * when most rows match (a capped count of the tenants that are active).
 */
function seqScans(node: TPlanNode, parent?: TPlanNode): string[] {
  const big = node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG_TABLES.has(node["Relation Name"]);
  const own = big && parent?.["Node Type"] !== "Limit" ? [node["Relation Name"]!] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => seqScans(child, node))];
}

/** Rows the scans of big tables read (returned or filtered out), over all loops. */
function rowsRead(node: TPlanNode): number {
  const own = node["Relation Name"] && BIG_TABLES.has(node["Relation Name"])
    ? ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) * (node["Actual Loops"] ?? 1)
    : 0;
  return own + (node.Plans ?? []).reduce((n, child) => n + rowsRead(child), 0);
}

/** Runs `call`, then explains every statement it sent; returns the big tables read by a sequential scan. */
async function scansOf(
  call: () => Promise<unknown>,
): Promise<{ statements: number; scans: { table: string; query: string }[]; heavy: { rows: number; query: string }[] }> {
  captured = [];
  await call();
  const statements = captured.filter((c) => /^\s*(SELECT|WITH)/i.test(c.query));
  const scans: { table: string; query: string }[] = [];
  const heavy: { rows: number; query: string }[] = [];
  for (const s of statements) {
    const { rows } = await admin.query<{ "QUERY PLAN": [{ Plan: TPlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.query}`, s.params);
    const plan = rows[0]!["QUERY PLAN"][0].Plan;
    for (const table of seqScans(plan)) scans.push({ table, query: s.query });
    const read = rowsRead(plan);
    if (read > MAX_ROWS_READ) heavy.push({ rows: read, query: s.query });
  }
  return { statements: statements.length, scans, heavy };
}

beforeAll(async () => {
  await resetDatabase({ jobs: false });
  admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await seedScale(admin, { jobs: JOBS, events: EVENTS, batch: 50_000 });
  const seeded = await scaleNames(admin, n);
  const [brand = "", industry = ""] = seeded.platformName.toLowerCase().split(" ");
  names = { ...seeded, brand, industry };
  // Webhook deliveries of provision events, carrying their trace id as emitWebhookEvent records it.
  await admin.query(`INSERT INTO webhook_endpoints (id, url, events, secret_sealed, secret_prefix, created_by, updated_at)
                     VALUES ('whe_scale', 'https://hooks.example/scale', '{tenant.provisioned}', 'sealed', 'whsec_', 'internal', now())`);
  await admin.query(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, trace_id, status, created_at, updated_at)
     SELECT 'whd_scale' || i, 'whe_scale', 'evt_scale' || i, 'tenant.provisioned',
            jsonb_build_object('data', jsonb_build_object('trace_id', 'trace_scale' || i)), 'trace_scale' || i, 'succeeded',
            now() - i * interval '1 minute', now()
       FROM generate_series(0, $1::int - 1) AS i`,
    [DELIVERIES],
  );
  await admin.query("VACUUM (ANALYZE) webhook_endpoints, webhook_deliveries");
  const logging = new PrismaClient({
    adapter: new PrismaPg(new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 }), { disposeExternalPool: true }),
    log: [{ emit: "event", level: "query" }],
  });
  logging.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  prisma = logging;
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await admin?.end();
  await resetDatabase({ jobs: false });
});

const n = 31_337;
const day = 24 * 3600_000;

const cases: [string, () => Promise<unknown>][] = [
  ["jobs: first page", () => listProvisionJobs({ db: prisma, limit: 50 })],
  ["jobs: by status", () => listProvisionJobs({ db: prisma, limit: 50, status: "Failed" })],
  ["jobs: by region", () => listProvisionJobs({ db: prisma, limit: 50, region: "eu" })],
  ["jobs: status and region", () => listProvisionJobs({ db: prisma, limit: 50, status: "Failed", region: "eu" })],
  ["jobs: next page", async () => {
    const first = await listProvisionJobs({ db: prisma, limit: 50 });
    await listProvisionJobs({ db: prisma, limit: 50, cursor: first.nextCursor! });
  }],
  ["tenants: first page", () => listTenants({ db: prisma, limit: 50 })],
  ["tenants: by status", () => listTenants({ db: prisma, limit: 50, status: "active" })],
  ["tenants: by region", () => listTenants({ db: prisma, limit: 50, region: "sg" })],
  ["tenants: next page", async () => {
    const first = await listTenants({ db: prisma, limit: 50 });
    await listTenants({ db: prisma, limit: 50, cursor: first.nextCursor! });
  }],
  ["jobs: search by slug", () => listProvisionJobs({ db: prisma, limit: 50, q: names.slug })],
  ["jobs: search by company name", () => listProvisionJobs({ db: prisma, limit: 50, q: names.companyName })],
  ["jobs: search by part of a name", () => listProvisionJobs({ db: prisma, limit: 50, q: names.brand })],
  ["jobs: search by job id", () => listProvisionJobs({ db: prisma, limit: 50, q: `job_scale${n}` })],
  ["jobs: search, next page", async () => {
    const first = await listProvisionJobs({ db: prisma, limit: 5, q: names.industry });
    await listProvisionJobs({ db: prisma, limit: 5, q: names.industry, cursor: first.nextCursor! });
  }],
  ["tenants: search by slug", () => listTenants({ db: prisma, limit: 50, q: names.slug })],
  ["tenants: search by company name", () => listTenants({ db: prisma, limit: 50, q: names.platformName })],
  ["tenants: search by a word many names share", () => listTenants({ db: prisma, limit: 50, q: names.industry })],
  ["onboarding: search by slug", () => listOnboardingSessions({ db: prisma, limit: 50, q: names.slug })],
  ["onboarding: search by platform name", () => listOnboardingSessions({ db: prisma, limit: 50, q: names.platformName })],
  ["onboarding: search by trace id", () => listOnboardingSessions({ db: prisma, limit: 50, q: `trace_scale${n}` })],
  ["overview counts", () => getOverview({ db: prisma })],
  ["funnel stats: one day", () => getFunnelStats({ db: prisma, from: new Date(Date.now() - day), to: new Date() })],
  ["funnel stats: one day, by plan and region", () => getFunnelStats({ db: prisma, from: new Date(Date.now() - 2 * day), to: new Date(Date.now() - day), plan: "growth", region: "eu" })],
  ["trace explorer: trace id", () => findTraces({ db: prisma, q: `trace_scale${n}` })],
  ["trace explorer: job id", () => findTraces({ db: prisma, q: `job_scale${n}` })],
  ["trace explorer: onboarding id", () => findTraces({ db: prisma, q: `onb_scale${String(n).padStart(12, "0")}` })],
  ["trace explorer: tenant slug", () => findTraces({ db: prisma, q: names.slug })],
  ["trace explorer: email", () => findTraces({ db: prisma, q: `someone-${n}@example.com` })],
  ["trace timeline", () => listTrace({ db: prisma, traceId: `trace_scale${n}` })],
  ["trace explorer: timeline (funnel, onboarding, provision, webhooks)", () => buildTraceTimeline({ db: prisma, traceId: `trace_scale${n % DELIVERIES}` })],
  ["funnel events: latest", () => listFunnelEvents({ db: prisma, limit: 50 })],
  ["funnel events: by trace", () => listFunnelEvents({ db: prisma, limit: 50, traceId: `trace_scale${n}` })],
  ["funnel events: by session", () => listFunnelEvents({ db: prisma, limit: 50, sessionId: `fs_scale${n}` })],
  ["funnel events: by address", () => listFunnelEvents({ db: prisma, limit: 50, emailFingerprint: emailFingerprint("someone@example.com") })],
];

describe(`query plans with ${JOBS} tenants and jobs and ${EVENTS} trace and funnel events`, () => {
  it.each(cases)("%s reads no big table from end to end", async (_name, call) => {
    const { statements, scans, heavy } = await scansOf(call);
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
    expect(heavy).toEqual([]);
  });
});

describe("searches by seeded names", () => {
  it("find the tenant, its job and its onboarding by slug, name and part of a name", async () => {
    for (const q of [names.slug, names.companyName, names.platformName, names.brand]) {
      expect((await listTenants({ db: prisma, limit: 50, q })).items.map((t) => t.slug)).toContain(names.slug);
      expect((await listProvisionJobs({ db: prisma, limit: 50, q })).items.map((j) => j.job_id)).toContain(`job_scale${n}`);
    }
    expect((await listOnboardingSessions({ db: prisma, limit: 50, q: names.platformName })).items.map((s) => s.slug)).toContain(names.slug);
    expect((await listTenants({ db: prisma, limit: 50, q: `${names.brand}-nothing` })).items).toEqual([]);
  });
});
