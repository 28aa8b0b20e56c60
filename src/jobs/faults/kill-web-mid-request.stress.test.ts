import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { seedTenantWithJob } from "../../../test/support/provisioning-factory";
import { restCall } from "../../../test/support/rest-call";
import { env } from "@/env";
import { eventually } from "@/jobs/testing";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { applyLicensingEnv, createPaidTenant } from "@/server/services/licensing/licensing-test-support";
import { mintInstallCode } from "@/server/services/licensing/mint-install-code";
import { killFixtureProcesses, killProcessGroup, startFixtureProcess, type TFixtureProcess } from "../fixture-process";

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "web.fixture.ts");

async function startWeb(): Promise<{ proc: TFixtureProcess; url: string }> {
  const proc = startFixtureProcess(fixture, [], { ownGroup: true });
  return { proc, url: (await proc.line("LISTENING ")).split(" ")[1]! };
}

/**
 * Holds a row lock from outside the app (`lockSql` selects the row FOR
 * UPDATE), so the request's transaction is certain to be mid-way, waiting
 * on it, when the web process is killed.
 */
const lockHolders: pg.Client[] = [];

async function holdRow(lockSql: string, id: string) {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  lockHolders.push(client);
  await client.query("BEGIN");
  await client.query(lockSql, [id]);
  // Asked over another connection: inside a transaction pg_stat_activity is a snapshot.
  const waiters = async () =>
    (
      await db().$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
    )[0]!.n;
  return {
    waiters,
    async release() {
      await client.query("ROLLBACK");
      // The killed process's backend finishes its statement, finds its client gone and rolls back.
      await eventually(async () => (await waiters()) === 0, { what: "the orphaned transaction to end" });
    },
  };
}

async function killMidRequest(request: (url: string) => Promise<unknown>, lock: Awaited<ReturnType<typeof holdRow>>) {
  const doomed = await startWeb();
  const answered = request(doomed.url).then(
    (r) => `answered ${JSON.stringify(r)}`,
    () => null,
  );
  // The first request of a fresh process loads the app's modules: give it time.
  const blocked = await eventually(async () => (await lock.waiters()) === 1 || (await Promise.race([answered, null])), {
    what: "the request to wait on the row",
    timeoutMs: 30_000,
  });
  expect(blocked).toBe(true);
  killProcessGroup(doomed.proc);
  expect((await doomed.proc.exited).signal).toBe("SIGKILL");
  await lock.release();
}

beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  applyLicensingEnv();
  await resetDatabase();
});
afterEach(async () => {
  killFixtureProcesses();
  // A failed test may have left its lock held: end it, so the next reset is not blocked.
  await Promise.all(lockHolders.splice(0).map((c) => c.end().catch(() => undefined)));
});

describe("a web process killed (kill -9) in the middle of a request", () => {
  it("a provision callback: nothing half-written, and the workflow's retry completes the job once", async () => {
    const { jobId, traceId, tenantId } = await seedTenantWithJob({ slug: "killed-callback", status: "provisioning" }, { status: "Dispatched" });
    const callback = (url: string) =>
      restCall("POST", "/internal/provision-complete", { baseUrl: url, body: { job_id: jobId, status: "Completed" } });

    await killMidRequest(callback, await holdRow("SELECT id FROM provision_jobs WHERE id = $1 FOR UPDATE", jobId));
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "Dispatched", finishedAt: null });
    expect(await db().traceEvent.count({ where: { traceId, stage: "callback" } })).toBe(0);

    const web = await startWeb();
    const first = await callback(web.url);
    const again = await callback(web.url);
    expect([first.status, first.body.changed, again.status, again.body.changed]).toEqual([200, true, 200, false]);
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "Completed" });
    expect(await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).toMatchObject({ status: "active" });
    expect(await db().traceEvent.count({ where: { traceId, stage: "callback" } })).toBe(1);
  });

  it("a licence redeem: nothing consumed or minted by the dead request, and the appliance's retry mints once", async () => {
    const { tenant, entitlement } = await createPaidTenant();
    const minted = await mintInstallCode({ db: db(), tenant, entitlementId: entitlement.id });
    const redeem = (url: string) =>
      restCall("POST", "/v1/license/register", { baseUrl: url, token: null, body: { install_code: minted.install_code, appliance_id: "machine-1" } });

    await killMidRequest(redeem, await holdRow("SELECT id FROM install_codes WHERE id = $1 FOR UPDATE", minted.codeId));
    expect(await db().installCode.findUniqueOrThrow({ where: { id: minted.codeId } })).toMatchObject({ consumedAt: null });
    expect(await db().appliance.count()).toBe(0);
    expect(await db().licence.count()).toBe(0);

    const web = await startWeb();
    const first = await redeem(web.url);
    const again = await redeem(web.url);
    expect(first.status).toBe(200);
    // The repeat inside the retry window gets the same answer, not a second credential or licence.
    expect(again).toEqual(first);
    expect(await db().appliance.count()).toBe(1);
    expect(await db().licence.count()).toBe(1);
  });
});
