import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/server/services/shared/keyset-cursor";
import { PROVISION_JOB_SELECT, toProvisionJobView, type TProvisionJobView } from "./provision-job-view";

/**
 * Provision jobs, newest first, a page at a time (keyset: stable while new
 * jobs arrive). `q` matches a job id, trace id or tenant id exactly, or part
 * of a tenant's slug or company name.
 */
export async function listProvisionJobs(opts: {
  db?: TDbOrTx;
  status?: string;
  region?: string;
  q?: string;
  limit: number;
  cursor?: string;
}): Promise<{ items: TProvisionJobView[]; nextCursor: string | null }> {
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
    if (/^[0-9a-f-]{36}$/i.test(q)) or.push({ tenantId: q.toLowerCase() });
    and.push({ OR: or });
  }
  if (opts.cursor) {
    const c = decodeKeysetCursor(opts.cursor);
    and.push({ OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] });
  }
  const rows = await db.provisionJob.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: PROVISION_JOB_SELECT,
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map(toProvisionJobView),
    nextCursor: rows.length > opts.limit && last ? encodeKeysetCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
