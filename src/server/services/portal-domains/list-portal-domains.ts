import { z } from "zod";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { PORTAL_DOMAIN_SELECT, ZPortalDomain, ZPortalDomainStatus, toPortalDomainView } from "./portal-domain-view";
import { portalTargetLabels } from "./portal-target";

export const ZPortalDomainListItem = ZPortalDomain.extend({ tenant_slug: z.string(), open_alerts: z.number().int() });
export const ZPortalDomainList = z.object({
  domains: z.array(ZPortalDomainListItem),
  counts: z.object({ total: z.number().int(), active: z.number().int(), failed: z.number().int(), in_progress: z.number().int() }),
});
export type TPortalDomainList = z.infer<typeof ZPortalDomainList>;

const FAILED = ["dns_failed", "certificate_failed"];
const IN_PROGRESS = ["pending", "verifying_dns", "pending_certificate", "deploying"];

/** Domains for the ops list, newest first (200 at most), filtered by status group or status and a search. */
export async function listPortalDomains(opts: {
  db?: TDbOrTx;
  status?: z.infer<typeof ZPortalDomainStatus> | "failed" | "in_progress";
  q?: string;
}): Promise<TPortalDomainList> {
  const db = opts.db ?? defaultDb();
  const status =
    opts.status === "failed" ? { in: FAILED } : opts.status === "in_progress" ? { in: IN_PROGRESS } : opts.status;
  const q = opts.q?.trim().toLowerCase();
  const rows = await db.portalDomain.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(q ? { OR: [{ domain: { contains: q } }, { id: q }, { tenantId: { equals: /^[0-9a-f-]{36}$/.test(q) ? q : undefined } }] } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: PORTAL_DOMAIN_SELECT,
  });
  const tenantIds = rows.map((r) => r.tenantId);
  const [labels, tenants, alerts, grouped] = await Promise.all([
    portalTargetLabels(db, tenantIds),
    db.tenant.findMany({ where: { id: { in: tenantIds } }, select: { id: true, slug: true } }),
    db.opsAlert.groupBy({ by: ["subjectId"], where: { clearedAt: null, subjectId: { in: rows.map((r) => r.id) } }, _count: true }),
    db.portalDomain.groupBy({ by: ["status"], _count: true }),
  ]);
  const slugs = new Map(tenants.map((t) => [t.id, t.slug]));
  const openAlerts = new Map(alerts.map((a) => [a.subjectId, a._count]));
  const count = (statuses: string[]) => grouped.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count, 0);
  return {
    domains: rows.map((r) => ({
      ...toPortalDomainView(r, labels.get(r.tenantId) ?? "unknown"),
      tenant_slug: slugs.get(r.tenantId) ?? r.tenantId,
      open_alerts: openAlerts.get(r.id) ?? 0,
    })),
    counts: {
      total: grouped.reduce((n, g) => n + g._count, 0),
      active: count(["active"]),
      failed: count(FAILED),
      in_progress: count(IN_PROGRESS),
    },
  };
}
