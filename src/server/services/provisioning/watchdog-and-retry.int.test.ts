import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenantWithJob } from "../../../../test/support/provisioning-factory";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { listTrace } from "@/server/services/trace/list-trace";
import { completeProvisionJob } from "./complete-provision-job";
import { failTimedOutProvisionJobs } from "./fail-timed-out-provision-jobs";
import { getProvisionJob } from "./get-provision-job";
import { retryProvisionJob } from "./retry-provision-job";

const actor = { id: "op-1", label: "op@example.com" };
let n = 0;

async function jobIn(status: string, opts: { dispatchedMinutesAgo?: number; createdBy?: string } = {}) {
  n += 1;
  const dispatchedAt =
    opts.dispatchedMinutesAgo === undefined ? null : new Date(Date.now() - opts.dispatchedMinutesAgo * 60_000);
  return seedTenantWithJob({ slug: `t-${n}-x`, createdBy: opts.createdBy }, { status, dispatchedAt });
}

beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(() => resetDatabase());

describe("the provision watchdog", () => {
  it("fails Dispatched and Running jobs past the timeout, at stage timeout, and leaves the rest", async () => {
    const late = await jobIn("Dispatched", { dispatchedMinutesAgo: 121 });
    const lateRunning = await jobIn("Running", { dispatchedMinutesAgo: 500 });
    const recent = await jobIn("Running", { dispatchedMinutesAgo: 30 });
    const pending = await jobIn("Pending");
    const done = await jobIn("Completed", { dispatchedMinutesAgo: 999 });

    const { failed } = await failTimedOutProvisionJobs({ timeoutMinutes: 120 });
    expect(failed.sort()).toEqual([late.jobId, lateRunning.jobId].sort());
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: late.jobId } })).toMatchObject({
      status: "Failed",
      failureStage: "timeout",
      message: "No callback within 120 minutes of dispatch",
    });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: late.tenantId } })).status).toBe("failed");
    for (const j of [recent, pending, done]) {
      expect((await db().provisionJob.findUniqueOrThrow({ where: { id: j.jobId } })).status).not.toBe("Failed");
    }
    expect((await listTrace({ traceId: late.traceId })).map((e) => `${e.stage}:${e.status}`)).toEqual(["timeout:failed"]);
    // A late callback cannot revive the job.
    await expect(completeProvisionJob({ input: { job_id: late.jobId, status: "Completed" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("operator retry", () => {
  it("refuses jobs that did not fail, and a second retry of the same attempt", async () => {
    const running = await jobIn("Running", { dispatchedMinutesAgo: 1 });
    await expect(retryProvisionJob({ jobId: running.jobId, actor })).rejects.toMatchObject({ code: "CONFLICT" });
    const failed = await jobIn("Failed");
    const retry = await retryProvisionJob({ jobId: failed.jobId, actor });
    expect(retry).toMatchObject({ attempt: 2, retry_of_job_id: failed.jobId, trace_id: failed.traceId });
    await expect(retryProvisionJob({ jobId: failed.jobId, actor })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(retry.job_id),
    });
    await expect(retryProvisionJob({ jobId: "job_unknown000000", actor })).rejects.toBeInstanceOf(AppError);
    const queued = await currentBoss()!.findJobs("provisioning.dispatch", { data: { jobId: retry.job_id } });
    expect(queued).toHaveLength(1);
  });
});

describe("getProvisionJob", () => {
  it("shows a signed-in user only the jobs of tenants they created", async () => {
    const mine = await jobIn("Pending", { createdBy: "user-a" });
    expect((await getProvisionJob({ jobId: mine.jobId, visibleTo: { userId: "user-a" } })).job_id).toBe(mine.jobId);
    await expect(getProvisionJob({ jobId: mine.jobId, visibleTo: { userId: "user-b" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getProvisionJob({ jobId: mine.jobId })).stages.map((s) => s.state)).toEqual(Array(7).fill("pending"));
  });
});
