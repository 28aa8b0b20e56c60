import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenantWithJob } from "../../../../test/support/provisioning-factory";
import { db } from "@/server/db";
import { newTenantId } from "@/server/services/provisioning/ids";
import { COUNT_CAP } from "@/server/services/shared/counts";
import { getOverview } from "./get-overview";

const tenantWithJob = (slug: string, tenantStatus: string, jobStatus: string) =>
  seedTenantWithJob({ slug, status: tenantStatus }, { status: jobStatus, infraMode: "use_existing" });

beforeEach(() => resetDatabase({ jobs: false }));

describe("getOverview", () => {
  it("counts tenants, open provision jobs, failures and node capacity", async () => {
    await tenantWithJob("one-co", "active", "Completed");
    await tenantWithJob("two-co", "provisioning", "Running");
    await tenantWithJob("three-co", "pending", "Pending");
    await tenantWithJob("four-co", "failed", "Failed");
    await db().node.createMany({
      data: [
        { id: "node-sg-aaaaaa", region: "sg", capacity: 10, used: 3 },
        { id: "node-us-bbbbbb", region: "us", capacity: 1, used: 1, dedicated: true },
        { id: "node-eu-cccccc", region: "eu", capacity: 10, used: 2, status: "draining" },
      ],
    });
    const o = await getOverview();
    expect(o.provisioning).toEqual({
      dispatcher: "local",
      tenants: { active: 1, total: 4, totalEstimated: false },
      openJobs: 2,
      failedTenants: 1,
      // Shared capacity is the active shared nodes' alone, as on the Nodes page.
      nodes: { nodes: 3, dedicatedNodes: 1, activeSharedNodes: 1, tenantsPlaced: 6, sharedUsed: 3, sharedCapacity: 10, nearFull: 0 },
    });
  });

  it("stops a filtered count at COUNT_CAP + 1, and counts the total exactly while it is small", async () => {
    const n = COUNT_CAP + 5;
    await db().tenant.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: newTenantId(),
        slug: `failed-${i}`,
        companyName: `Failed ${i}`,
        canonicalHostname: `failed-${i}.t.test`,
        region: "sg",
        plan: "starter",
        status: i === 0 ? "active" : "failed",
      })),
    });
    const o = await getOverview();
    expect(o.countCap).toBe(COUNT_CAP);
    expect(o.provisioning.failedTenants).toBe(COUNT_CAP + 1);
    expect(o.provisioning.tenants).toEqual({ active: 1, total: n, totalEstimated: false });
  });

  it("counts onboarding sessions in progress and failed", async () => {
    const session = (id: string, status: string) => ({
      id: `onb_${id.padEnd(12, "0")}`,
      userId: "user-1",
      platformName: `Platform ${id}`,
      slug: `${id}-co`,
      tier: "starter",
      region: "sg",
      status,
      createdBy: "internal",
    });
    await db().onboardingSession.createMany({
      data: [session("one", "in_progress"), session("two", "in_progress"), session("three", "failed"), session("four", "completed"), session("five", "pending")],
    });
    expect((await getOverview()).onboarding).toEqual({ inProgress: 2, failed: 1 });
  });

  it("tells operators why paid plans are not offered, naming the settings customers never see", async () => {
    const reason = expect.stringContaining("STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET");
    expect((await getOverview()).paidPlans).toEqual([
      { tier: "growth", available: false, reason },
      { tier: "scale", available: false, reason },
    ]);
  });
});
