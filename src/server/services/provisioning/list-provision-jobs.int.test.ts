import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenantWithJob } from "../../../../test/support/provisioning-factory";
import { listTenants } from "@/server/services/tenants/list-tenants";
import { listProvisionJobs } from "./list-provision-jobs";

type TSeed = { slug: string; company: string; status: string; region: string };
const seeds: TSeed[] = [
  { slug: "alpha-one", company: "Alpha One", status: "Completed", region: "sg" },
  { slug: "beta-two", company: "Beta Two", status: "Failed", region: "us" },
  { slug: "gamma-three", company: "Gamma Three", status: "Running", region: "sg" },
  { slug: "delta-four", company: "Delta Four", status: "Failed", region: "eu" },
  { slug: "alpha-five", company: "Alpha Five", status: "Pending", region: "sg" },
];
let made: { jobId: string; traceId: string; tenantId: string; slug: string }[] = [];

beforeEach(async () => {
  await resetDatabase({ jobs: false });
  made = [];
  for (const [i, s] of seeds.entries()) {
    // One second apart, oldest first, so the expected order is certain.
    const createdAt = new Date(Date.UTC(2026, 10, 23, 9, 0, i));
    const { tenantId, jobId, traceId } = await seedTenantWithJob(
      { slug: s.slug, companyName: s.company, region: s.region, createdAt },
      { status: s.status, createdAt },
    );
    made.push({ jobId, traceId, tenantId, slug: s.slug });
  }
});

const slugs = (items: { tenant: { slug: string } }[]) => items.map((j) => j.tenant.slug);

describe("listProvisionJobs", () => {
  it("pages newest first with a cursor until the end", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listProvisionJobs({ limit: 2, cursor });
      seen.push(...slugs(page.items));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(seeds.map((s) => s.slug).reverse());
  });

  it("filters by status and region", async () => {
    expect(slugs((await listProvisionJobs({ limit: 10, status: "Failed" })).items)).toEqual(["delta-four", "beta-two"]);
    expect(slugs((await listProvisionJobs({ limit: 10, region: "sg", status: "Failed" })).items)).toEqual([]);
    expect(slugs((await listProvisionJobs({ limit: 10, region: "sg" })).items)).toEqual(["alpha-five", "gamma-three", "alpha-one"]);
  });

  it("finds jobs by part of the slug or company, or exactly by job, trace or tenant id", async () => {
    expect(slugs((await listProvisionJobs({ limit: 10, q: "alpha" })).items)).toEqual(["alpha-five", "alpha-one"]);
    expect(slugs((await listProvisionJobs({ limit: 10, q: "GAMMA th" })).items)).toEqual(["gamma-three"]);
    expect(slugs((await listProvisionJobs({ limit: 10, q: made[1]!.jobId })).items)).toEqual(["beta-two"]);
    expect(slugs((await listProvisionJobs({ limit: 10, q: made[3]!.traceId })).items)).toEqual(["delta-four"]);
    expect(slugs((await listProvisionJobs({ limit: 10, q: made[2]!.tenantId.toUpperCase() })).items)).toEqual(["gamma-three"]);
    expect((await listProvisionJobs({ limit: 10, q: made[2]!.jobId.slice(0, 10) })).items).toEqual([]);
  });

  it("refuses a cursor it did not make", async () => {
    await expect(listProvisionJobs({ limit: 2, cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("listTenants", () => {
  it("lists tenants newest first with their latest job, filtered and paged", async () => {
    const first = await listTenants({ limit: 3 });
    expect(first.items.map((t) => t.slug)).toEqual(["alpha-five", "delta-four", "gamma-three"]);
    expect(first.items[0]!.latest_job).toMatchObject({ job_id: made[4]!.jobId, status: "Pending", attempt: 1 });
    const rest = await listTenants({ limit: 3, cursor: first.nextCursor! });
    expect(rest.items.map((t) => t.slug)).toEqual(["beta-two", "alpha-one"]);
    expect(rest.nextCursor).toBeNull();
    expect((await listTenants({ limit: 10, q: "two" })).items.map((t) => t.slug)).toEqual(["beta-two"]);
    expect((await listTenants({ limit: 10, region: "eu" })).items.map((t) => t.slug)).toEqual(["delta-four"]);
  });
});
