import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { db } from "@/server/db";
import { newProvisionJobId, newTenantId, newTraceId } from "@/server/services/provisioning/ids";
import { getOverview } from "./get-overview";

async function tenantWithJob(slug: string, tenantStatus: string, jobStatus: string) {
  const tenantId = newTenantId();
  await db().tenant.create({
    data: { id: tenantId, slug, companyName: slug, canonicalHostname: `${slug}.t`, region: "sg", plan: "starter", status: tenantStatus },
  });
  await db().provisionJob.create({
    data: { id: newProvisionJobId(), tenantId, status: jobStatus, infraMode: "use_existing", region: "sg", traceId: newTraceId(), dispatchMode: "local" },
  });
}

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
      ],
    });
    const o = await getOverview();
    expect(o.provisioning).toEqual({
      dispatcher: "local",
      tenants: { active: 1, total: 4 },
      openJobs: 2,
      failedTenants: 1,
      nodes: { count: 2, used: 4, capacity: 11 },
    });
  });
});
