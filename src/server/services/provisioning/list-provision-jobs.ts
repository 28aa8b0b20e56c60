import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb } from "@/server/db";
import { afterKeysetCursor, asUuid, keysetPage, newestFirst, type TListQuery } from "@/server/services/shared/keyset-cursor";
import { tenantNameMatches } from "@/server/services/tenants/list-tenants";
import { PROVISION_JOB_SELECT, toProvisionJobView, type TProvisionJobView } from "./provision-job-view";

const ORDER: Prisma.ProvisionJobOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/**
 * Provision jobs, newest first, a page at a time (keyset: stable while new
 * jobs arrive). `q` matches a job id, trace id or tenant id exactly, or part
 * of a tenant's slug or company name.
 *
 * A search is two index-backed queries whose pages are merged: the exact ids
 * (primary key, trace id and tenant id indexes), and the tenants whose slug
 * or company name contains `q` (trigram indexes, word by word: searchParts)
 * joined to their jobs. One query with an OR across the join could only be
 * answered by walking every job and its tenant.
 */
export async function listProvisionJobs(opts: TListQuery): Promise<{ items: TProvisionJobView[]; nextCursor: string | null }> {
  const db = opts.db ?? defaultDb();
  const and: Prisma.ProvisionJobWhereInput[] = [];
  if (opts.status) and.push({ status: opts.status });
  if (opts.region) and.push({ region: opts.region });
  const after = afterKeysetCursor(opts.cursor);
  if (after) and.push(after);
  const page = (where: Prisma.ProvisionJobWhereInput[]) =>
    db.provisionJob.findMany({ where: { AND: [...and, ...where] }, orderBy: ORDER, take: opts.limit + 1, select: PROVISION_JOB_SELECT });
  const q = opts.q?.trim();
  let rows;
  if (q) {
    const exact: Prisma.ProvisionJobWhereInput[] = [{ id: q }, { traceId: q }];
    const uuid = asUuid(q);
    if (uuid) exact.push({ tenantId: uuid });
    const [byId, byName] = await Promise.all([
      page([{ OR: exact }]),
      page([{ tenant: { OR: tenantNameMatches(q) } }]),
    ]);
    rows = newestFirst([...byId, ...byName]).slice(0, opts.limit + 1);
  } else {
    rows = await page([]);
  }
  const { page: items, nextCursor } = keysetPage(rows, opts.limit);
  return { items: items.map(toProvisionJobView), nextCursor };
}
