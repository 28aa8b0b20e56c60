import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedScale } from "../../../scripts/seed-scale-data";
import { resetDatabase, testDatabaseUrl } from "../../../test/support/db";
import { PrismaClient } from "@/generated/prisma/client";
import { emailFingerprint } from "@/server/services/funnel/scrub-properties";
import { listFunnelEvents } from "@/server/services/funnel/list-funnel-events";
import { getOverview } from "@/server/services/ops/get-overview";
import { listProvisionJobs } from "@/server/services/provisioning/list-provision-jobs";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { findTraces } from "@/server/services/trace/find-traces";
import { listTrace } from "@/server/services/trace/list-trace";

/**
 * The plans Postgres picks for the dashboard's queries once the tables are
 * big: each query is captured from the real service call (Prisma's query
 * events), explained with its own parameters, and must not read a big table
 * from end to end.
 */
const BIG_TABLES = new Set(["provision_jobs", "trace_events", "funnel_events", "tenants", "onboarding_sessions"]);
const JOBS = 50_000;
const EVENTS = 150_000;

type TPlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: TPlanNode[] };
type TCaptured = { query: string; params: unknown[] };

let admin: pg.Client;
let prisma: PrismaClient;
let captured: TCaptured[] = [];

function seqScans(node: TPlanNode): string[] {
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] && BIG_TABLES.has(node["Relation Name"]) ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

/** Runs `call`, then explains every statement it sent; returns the big tables read by a sequential scan. */
async function scansOf(call: () => Promise<unknown>): Promise<{ statements: number; scans: { table: string; query: string }[] }> {
  captured = [];
  await call();
  const statements = captured.filter((c) => /^\s*(SELECT|WITH)/i.test(c.query));
  const scans: { table: string; query: string }[] = [];
  for (const s of statements) {
    const { rows } = await admin.query<{ "QUERY PLAN": [{ Plan: TPlanNode }] }>(`EXPLAIN (FORMAT JSON) ${s.query}`, s.params);
    if (WHOLE_TABLE_COUNTS.some((re) => re.test(s.query))) continue;
    for (const table of seqScans(rows[0]!["QUERY PLAN"][0].Plan)) scans.push({ table, query: s.query });
  }
  return { statements: statements.length, scans };
}

beforeAll(async () => {
  await resetDatabase({ jobs: false });
  admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await seedScale(admin, { jobs: JOBS, events: EVENTS, batch: 50_000 });
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
/** Statements that count a whole table by design (the overview's tenant total reads every tenant). */
const WHOLE_TABLE_COUNTS = [/FROM "public"\."tenants" WHERE 1=1 GROUP BY "public"\."tenants"\."status"/];

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
  ["overview counts", () => getOverview({ db: prisma })],
  ["trace explorer: trace id", () => findTraces({ db: prisma, q: `trace_scale${n}` })],
  ["trace explorer: job id", () => findTraces({ db: prisma, q: `job_scale${n}` })],
  ["trace explorer: onboarding id", () => findTraces({ db: prisma, q: `onb_scale${String(n).padStart(12, "0")}` })],
  ["trace explorer: tenant slug", () => findTraces({ db: prisma, q: `scale-${n}` })],
  ["trace explorer: email", () => findTraces({ db: prisma, q: `someone-${n}@example.com` })],
  ["trace timeline", () => listTrace({ db: prisma, traceId: `trace_scale${n}` })],
  ["funnel events: latest", () => listFunnelEvents({ db: prisma, limit: 50 })],
  ["funnel events: by trace", () => listFunnelEvents({ db: prisma, limit: 50, traceId: `trace_scale${n}` })],
  ["funnel events: by session", () => listFunnelEvents({ db: prisma, limit: 50, sessionId: `fs_scale${n}` })],
  ["funnel events: by address", () => listFunnelEvents({ db: prisma, limit: 50, emailFingerprint: emailFingerprint("someone@example.com") })],
];

describe(`query plans with ${JOBS} tenants and jobs and ${EVENTS} trace and funnel events`, () => {
  it.each(cases)("%s reads no big table from end to end", async (_name, call) => {
    const { statements, scans } = await scansOf(call);
    expect(statements).toBeGreaterThan(0);
    expect(scans).toEqual([]);
  });
});
