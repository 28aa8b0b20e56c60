import { z } from "zod";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { listOpenOpsAlerts } from "@/server/services/ops/ops-alerts";
import { listTrace } from "@/server/services/trace/list-trace";
import { ZTraceEvent } from "@/server/services/trace/trace-event";
import { getPortalDomain } from "./get-portal-domain";
import { portalDomainNotFound } from "./portal-domain-access";
import { ZPortalDomain } from "./portal-domain-view";
import { portalResourceNames, stableJson } from "./render-portal-manifests";

export const ZOpsAlert = z.object({
  id: z.string(),
  kind: z.string(),
  subject_id: z.string(),
  tenant_id: z.string().nullable(),
  message: z.string(),
  raised_at: z.date(),
  cleared_at: z.date().nullable(),
});

export const ZPortalDomainForOps = z.object({
  domain: ZPortalDomain,
  tenant: z.object({ id: z.string(), slug: z.string(), company_name: z.string() }).nullable(),
  resource_prefix: z.string(),
  manifests: z.array(z.object({ name: z.string(), json: z.string() })),
  applied: z.boolean(),
  next_check_at: z.date().nullable(),
  trace_id: z.string(),
  trace: z.array(ZTraceEvent),
  alerts: z.array(ZOpsAlert),
});
export type TPortalDomainForOps = z.infer<typeof ZPortalDomainForOps>;

/** A domain as its ops page shows it: status, timeline, manifests and open alerts. */
export async function getPortalDomainForOps(opts: { db?: TDbOrTx; id: string }): Promise<TPortalDomainForOps> {
  const db = opts.db ?? defaultDb();
  const domain = await getPortalDomain({ db, id: opts.id, viewer: undefined });
  const row = await db.portalDomain.findUnique({
    where: { id: opts.id },
    select: { traceId: true, manifests: true, applied: true, nextCheckAt: true },
  });
  if (!row) throw portalDomainNotFound(opts.id);
  const [tenant, trace, alerts] = await Promise.all([
    db.tenant.findUnique({ where: { id: domain.tenant_id }, select: { id: true, slug: true, companyName: true } }),
    listTrace({ db, traceId: row.traceId }),
    listOpenOpsAlerts({ db, subjectId: opts.id }),
  ]);
  const manifests = (row.manifests ?? {}) as Record<string, unknown>;
  return {
    domain,
    tenant: tenant ? { id: tenant.id, slug: tenant.slug, company_name: tenant.companyName } : null,
    resource_prefix: portalResourceNames(domain.tenant_id).prefix,
    manifests: ["certificate", "gateway", "virtualservice"]
      .filter((name) => manifests[name])
      .map((name) => ({ name: `${name}.json`, json: stableJson(manifests[name]) })),
    applied: row.applied,
    next_check_at: row.nextCheckAt,
    trace_id: row.traceId,
    trace,
    alerts,
  };
}
