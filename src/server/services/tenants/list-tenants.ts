import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb } from "@/server/db";
import { afterKeysetCursor, asUuid, keysetPage, searchParts, type TListQuery } from "@/server/services/shared/keyset-cursor";

export const ZTenantSummary = z.object({
  tenant_id: z.string(),
  slug: z.string(),
  company_name: z.string(),
  canonical_hostname: z.string(),
  region: z.string(),
  plan: z.string(),
  status: z.string(),
  node_id: z.string().nullable(),
  created_at: z.date(),
  latest_job: z.object({ job_id: z.string(), status: z.string(), attempt: z.number().int() }).nullable(),
});
export type TTenantSummary = z.infer<typeof ZTenantSummary>;

/** Tenants whose slug or company name contains `q`, word by word (searchParts): for the tenants and the jobs searches. */
export function tenantNameMatches(q: string): Prisma.TenantWhereInput[] {
  return [
    { AND: searchParts(q.toLowerCase()).map((part) => ({ slug: { contains: part } })) },
    { AND: searchParts(q).map((part) => ({ companyName: { contains: part, mode: "insensitive" as const } })) },
  ];
}

/**
 * Tenants, newest first, with their latest provision job. `q` matches a
 * tenant id exactly, or part of the slug or company name (searchParts).
 */
export async function listTenants(opts: TListQuery): Promise<{ items: TTenantSummary[]; nextCursor: string | null }> {
  const db = opts.db ?? defaultDb();
  const and: Prisma.TenantWhereInput[] = [];
  if (opts.status) and.push({ status: opts.status });
  if (opts.region) and.push({ region: opts.region });
  const q = opts.q?.trim();
  if (q) {
    const or = tenantNameMatches(q);
    const uuid = asUuid(q);
    if (uuid) or.push({ id: uuid });
    and.push({ OR: or });
  }
  const after = afterKeysetCursor(opts.cursor);
  if (after) and.push(after);
  const rows = await db.tenant.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: {
      id: true,
      slug: true,
      companyName: true,
      canonicalHostname: true,
      region: true,
      plan: true,
      status: true,
      nodeId: true,
      createdAt: true,
      provisionJobs: { orderBy: { attempt: "desc" }, take: 1, select: { id: true, status: true, attempt: true } },
    },
  });
  const { page, nextCursor } = keysetPage(rows, opts.limit);
  return {
    items: page.map((t) => ({
      tenant_id: t.id,
      slug: t.slug,
      company_name: t.companyName,
      canonical_hostname: t.canonicalHostname,
      region: t.region,
      plan: t.plan,
      status: t.status,
      node_id: t.nodeId,
      created_at: t.createdAt,
      latest_job: t.provisionJobs[0]
        ? { job_id: t.provisionJobs[0].id, status: t.provisionJobs[0].status, attempt: t.provisionJobs[0].attempt }
        : null,
    })),
    nextCursor,
  };
}
