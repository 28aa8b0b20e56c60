import pg from "pg";
import { seedScale } from "../scripts/seed-scale-data";
import { createDb } from "@/server/db";
import { quoteIdent, withDatabase } from "@/server/database/connection-url";
import { applyMigrations } from "@/server/database/migrate";
import { listProvisionJobs } from "@/server/services/provisioning/list-provision-jobs";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { interleave, timed, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "list-scale";
export const description =
  "/cp lists (jobs and tenants: first page, by status, by region, page 2), 50 rows: 10k tenants and jobs vs 1M (scripts/seed-scale.ts)";

const SMALL = 10_000;
const LARGE = Number(process.env.BENCH_LIST_SCALE_JOBS ?? 1_000_000);

async function seededDatabase(databaseUrl: string, db: string, jobs: number, log: (line: string) => void): Promise<string> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(db)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(databaseUrl, db);
  await applyMigrations({ databaseUrl: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const report = await seedScale(client, { jobs, events: 0 });
    for (const r of report.filter((x) => x.rows > 0)) log(`${name}: ${db} ${r.table} ${r.rows} rows, ${r.rowsPerSecond} rows/s`);
  } finally {
    await client.end();
  }
  return url;
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  log(`${name}: seeding ${SMALL} and ${LARGE} tenants, jobs and onboarding sessions`);
  const small = createDb(await seededDatabase(databaseUrl, "embark_bench_list_small", SMALL, log), { max: 2 });
  const large = createDb(await seededDatabase(databaseUrl, "embark_bench_list_large", LARGE, log), { max: 2 });
  try {
    const queries = async (db: typeof small) => {
      const first = await listProvisionJobs({ db, limit: 50 });
      await listProvisionJobs({ db, limit: 50, cursor: first.nextCursor! });
      await listProvisionJobs({ db, limit: 50, status: "Failed" });
      await listProvisionJobs({ db, limit: 50, region: "eu" });
      await listTenants({ db, limit: 50 });
      await listTenants({ db, limit: 50, status: "active" });
      await listTenants({ db, limit: 50, region: "sg" });
    };
    log(`${name}: 2 × 200 rounds of 7 list queries`);
    const { baseline, candidate } = await interleave({
      rounds: 8,
      perRound: 25,
      warmUp: 10,
      baseline: () => timed(() => queries(small)),
      candidate: () => timed(() => queries(large)),
    });
    return {
      metric: "7 list queries, one after another (ms)",
      baseline: { label: `${SMALL / 1000}k rows`, samples: baseline },
      candidate: { label: `${LARGE / 1_000_000}M rows`, samples: candidate },
    };
  } finally {
    await small.$disconnect();
    await large.$disconnect();
  }
}
