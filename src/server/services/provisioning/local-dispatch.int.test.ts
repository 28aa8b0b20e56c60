import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenantWithJob } from "../../../../test/support/provisioning-factory";
import { rawEnv, reloadEnv } from "@/env";
import { currentBoss } from "@/jobs/boss";
import { provisioningDispatchJob } from "@/jobs/definitions/provisioning/dispatch";
import { provisioningRunLocalJob } from "@/jobs/definitions/provisioning/run-local";
import { ensureQueues } from "@/jobs/queues";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { dispatchProvisionJob } from "./dispatch-provision-job";
import { loadProvisionMessage, PROVISION_MESSAGE_SQL } from "./load-provision-message";
import { dispatchLocallyInOneStatement } from "./mark-dispatched";

/**
 * The local dispatch in one statement (dispatchLocallyInOneStatement) builds
 * the workflow inputs in SQL: they must be the message the general path
 * builds in TypeScript, for every kind of placement.
 */

// The runtime enqueues, but nothing works the queues: each test sees the jobs a dispatch left.
beforeAll(async () => {
  await startJobRuntime({ role: "all", definitions: [] });
  await ensureQueues(currentBoss()!, [provisioningDispatchJob, provisioningRunLocalJob]);
});
afterAll(() => stopJobRuntime());
beforeEach(() => resetDatabase());

type TPlacementSeed = { infraMode: string; targetServerId: string | null; dedicated: number | null };

const PLACEMENTS: Record<string, TPlacementSeed> = {
  "a new shared server": { infraMode: "create_new_server", targetServerId: null, dedicated: null },
  "a new dedicated server": { infraMode: "create_new_server", targetServerId: null, dedicated: 1 },
  "an existing server": { infraMode: "use_existing", targetServerId: "node-sg-abc123", dedicated: null },
};

async function seedJob(slug: string, placement: TPlacementSeed, dispatchMode = "local") {
  const seeded = await seedTenantWithJob({ slug }, { status: "Pending", infraMode: placement.infraMode, dispatchMode });
  await db().provisionJob.update({
    where: { id: seeded.jobId },
    data: { targetServerId: placement.targetServerId, dedicated: placement.dedicated },
  });
  return seeded;
}

async function runLocalJobs(jobId: string): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${provisioningRunLocalJob.name} AND singleton_key = ${jobId}`;
  return row!.n;
}

describe("the local dispatch in one statement", () => {
  for (const [what, placement] of Object.entries(PLACEMENTS)) {
    it(`writes the same workflow inputs as the general path, for ${what}`, async () => {
      const { jobId } = await seedJob(`msg-${placement.infraMode}-${placement.dedicated ?? 0}`.replaceAll("_", "-"), placement);
      const expected = (await loadProvisionMessage(db(), jobId))!.message;
      const [fromSql] = await db().$queryRaw<{ message: unknown }[]>`
        SELECT ${PROVISION_MESSAGE_SQL} AS message FROM provision_jobs j JOIN tenants t ON t.id = j.tenant_id WHERE j.id = ${jobId}`;
      expect(fromSql!.message).toEqual(expected);

      expect(await dispatchLocallyInOneStatement(db(), jobId)).toBe(true);
      const job = await db().provisionJob.findUniqueOrThrow({ where: { id: jobId }, include: { tenant: true } });
      expect([job.status, job.dispatchRunId, job.dispatchRunUrl, job.tenant.status]).toEqual(["Dispatched", `local-${jobId}`, null, "provisioning"]);
      expect(job.dispatchedAt).toBeInstanceOf(Date);
      const events = await db().traceEvent.findMany({ where: { jobId, stage: "dispatch" } });
      expect(events.map((e) => [e.status, e.source, e.message, e.data])).toEqual([
        ["succeeded", "embark", "dispatched to the local runner", { mode: "local", inputs: expected }],
      ]);
      expect(await runLocalJobs(jobId)).toBe(1);
    });
  }

  it("writes nothing for a job that is no longer Pending, and a repeat leaves the first dispatch alone", async () => {
    const { jobId } = await seedJob("msg-repeat", PLACEMENTS["an existing server"]!);
    expect(await dispatchLocallyInOneStatement(db(), jobId)).toBe(true);
    expect(await dispatchLocallyInOneStatement(db(), jobId)).toBe(false);
    await dispatchProvisionJob({ jobId, attempt: { isLastAttempt: false } });
    expect(await db().traceEvent.count({ where: { jobId, stage: "dispatch" } })).toBe(1);
    expect(await runLocalJobs(jobId)).toBe(1);
  });

  it("leaves a job the workflow would refuse to the general path, which fails it at placement", async () => {
    const { jobId } = await seedJob("msg-refused", { infraMode: "use_existing", targetServerId: null, dedicated: null });
    expect(await dispatchLocallyInOneStatement(db(), jobId)).toBe(false);
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("Pending");
    await dispatchProvisionJob({ jobId, attempt: { isLastAttempt: false } });
    const job = await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } });
    expect([job.status, job.failureStage]).toEqual(["Failed", "placement"]);
    expect(await runLocalJobs(jobId)).toBe(0);
  });

  it("dispatches a job recorded for the local runner the same way when this process dispatches to GitHub", async () => {
    const { jobId } = await seedJob("msg-local-in-github", PLACEMENTS["an existing server"]!);
    const environment = rawEnv();
    const saved = { ...environment };
    // Configured for GitHub (an address nothing listens on: the job must not be sent there).
    Object.assign(environment, { PROVISION_DISPATCHER: "github", GITHUB_TOKEN: "test-token", GITHUB_WORKFLOW_DISPATCH_URL: "http://127.0.0.1:9/repos/o/r/actions/workflows/p.yml/dispatches" });
    reloadEnv();
    try {
      await dispatchProvisionJob({ jobId, attempt: { isLastAttempt: true } });
    } finally {
      for (const key of Object.keys(environment)) if (!(key in saved)) delete environment[key];
      Object.assign(environment, saved);
      reloadEnv();
    }
    const job = await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } });
    expect([job.status, job.dispatchRunId]).toEqual(["Dispatched", `local-${jobId}`]);
    const events = await db().traceEvent.findMany({ where: { jobId, stage: "dispatch" } });
    expect(events.map((e) => (e.data as { mode?: string }).mode)).toEqual(["local"]);
    expect(await runLocalJobs(jobId)).toBe(1);
  });

  it("leaves a job recorded for GitHub alone", async () => {
    const { jobId } = await seedJob("msg-github", PLACEMENTS["an existing server"]!, "github");
    expect(await dispatchLocallyInOneStatement(db(), jobId)).toBe(false);
    const job = await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } });
    expect([job.status, job.dispatchRunId]).toEqual(["Pending", null]);
    expect(await runLocalJobs(jobId)).toBe(0);
  });
});
