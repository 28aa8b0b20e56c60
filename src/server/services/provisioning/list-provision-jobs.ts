import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb } from "@/server/db";
import { afterKeysetCursor, asUuid, keysetPage, type TListQuery } from "@/server/services/shared/keyset-cursor";
import { PROVISION_JOB_SELECT, toProvisionJobView, type TProvisionJobView } from "./provision-job-view";

/**
 * Provision jobs, newest first, a page at a time (keyset: stable while new
 * jobs arrive). `q` matches a job id, trace id or tenant id exactly, or part
 * of a tenant's slug or company name.
 */
export async function listProvisionJobs(opts: TListQuery): Promise<{ items: TProvisionJobView[]; nextCursor: string | null }> {
  const db = opts.db ?? defaultDb();
  const and: Prisma.ProvisionJobWhereInput[] = [];
  if (opts.status) and.push({ status: opts.status });
  if (opts.region) and.push({ region: opts.region });
  const q = opts.q?.trim();
  if (q) {
    const or: Prisma.ProvisionJobWhereInput[] = [
      { id: q },
      { traceId: q },
      { tenant: { slug: { contains: q.toLowerCase() } } },
      { tenant: { companyName: { contains: q, mode: "insensitive" } } },
    ];
    const uuid = asUuid(q);
    if (uuid) or.push({ tenantId: uuid });
    and.push({ OR: or });
  }
  const after = afterKeysetCursor(opts.cursor);
  if (after) and.push(after);
  const rows = await db.provisionJob.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: PROVISION_JOB_SELECT,
  });
  const { page, nextCursor } = keysetPage(rows, opts.limit);
  return { items: page.map(toProvisionJobView), nextCursor };
}
