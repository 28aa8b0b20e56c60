import { createDb } from "@/server/db";
import { listProvisionJobs } from "@/server/services/provisioning/list-provision-jobs";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { LARGE_JOBS as LARGE, scaleDatabase, SMALL_JOBS as SMALL } from "./scale-data";
import { interleave, timed, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "list-scale";
export const description =
  "/cp lists (jobs and tenants: first page, by status, by region, page 2), 50 rows: 10k tenants and jobs vs 1M (scripts/seed-scale.ts)";

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  log(`${name}: seeding ${SMALL} and ${LARGE} tenants, jobs and onboarding sessions (shared with search-scale)`);
  const small = createDb(await scaleDatabase(databaseUrl, SMALL, log), { max: 2 });
  const large = createDb(await scaleDatabase(databaseUrl, LARGE, log), { max: 2 });
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
