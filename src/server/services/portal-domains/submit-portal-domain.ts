import { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { newTraceId } from "@/server/services/provisioning/ids";
import { inTransaction } from "@/server/services/outbox/in-transaction";
import { assertTenantVisible, type TPortalDomainViewer } from "./portal-domain-access";
import { newPortalDomainId } from "./portal-domain-ids";
import { PORTAL_DOMAIN_SELECT, toPortalDomainView, type TPortalDomainView } from "./portal-domain-view";
import { ensurePortalTarget } from "./portal-target";
import { normalizePortalDomain } from "./normalize-portal-domain";
import { transitionPortalDomain } from "./record-portal-domain-event";

/** Embark's own zones: no tenant may claim a name at or under them. */
export const ownZones = (): string[] => [env().TENANT_BASE_DOMAIN, env().PORTAL_BASE_DOMAIN];

function conflictFrom(err: unknown, tenantId: string, domain: string): AppError | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) return null;
  const meta = JSON.stringify(err.meta ?? {});
  if (/domain_slot/.test(meta)) {
    return new AppError("CONFLICT", { message: `${domain} is already registered`, details: { field: "domain", domain } });
  }
  if (/tenant_slot/.test(meta)) {
    return new AppError("CONFLICT", {
      message: "This tenant already has a portal domain; disable it before adding another",
      details: { field: "domain", tenant_id: tenantId },
    });
  }
  return null;
}

/**
 * Registers a tenant's portal domain and queues its reconciliation in one
 * transaction: a stored domain always has its background job.
 */
export async function submitPortalDomain(opts: {
  db?: TDbOrTx;
  tenantId: string;
  domain: string;
  viewer: TPortalDomainViewer;
  createdBy: string | null;
}): Promise<TPortalDomainView> {
  const normalized = normalizePortalDomain(opts.domain, { ownZones: ownZones() });
  if (!normalized.ok) {
    throw new AppError("BAD_REQUEST", {
      message: normalized.message,
      details: { field: "domain", problem: normalized.problem },
    });
  }
  const domain = normalized.domain;
  const id = newPortalDomainId();
  try {
    return await inTransaction(opts.db ?? defaultDb(), async (tx) => {
      await assertTenantVisible(tx, opts.tenantId, opts.viewer);
      const label = await ensurePortalTarget(tx, opts.tenantId);
      const now = new Date();
      const row = await tx.portalDomain.create({
        data: {
          id,
          tenantId: opts.tenantId,
          domain,
          status: "pending",
          statusMessage: "Submitted; DNS verification is queued",
          tenantSlot: opts.tenantId,
          domainSlot: domain,
          traceId: newTraceId(),
          createdBy: opts.createdBy,
        },
        select: { ...PORTAL_DOMAIN_SELECT, traceId: true },
      });
      await transitionPortalDomain(tx, { id, tenantId: opts.tenantId, traceId: row.traceId, status: "new" }, {
        status: "pending",
        message: `Submitted ${domain}; its CNAME must point at the tenant's portal target`,
        at: now,
        data: { domain },
        columns: { lastCheckedAt: null },
      });
      await enqueue("portal-domains.reconcile", { portalDomainId: id }, { db: tx });
      return toPortalDomainView({ ...row, lastCheckedAt: null }, label);
    });
  } catch (err) {
    throw conflictFrom(err, opts.tenantId, domain) ?? err;
  }
}
