import type { TDbOrTx } from "@/server/db";
import { logger } from "@/server/logger";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import type { TPortalDomainStatus } from "./portal-domain-view";

type TSubject = { id: string; tenantId: string; traceId: string; status: string };

const TRACE_STATUS: Record<TPortalDomainStatus, "started" | "succeeded" | "failed" | "info"> = {
  pending: "info",
  verifying_dns: "started",
  dns_failed: "failed",
  pending_certificate: "info",
  deploying: "started",
  active: "succeeded",
  certificate_failed: "failed",
  disabled: "info",
};

/**
 * Moves a domain to `status` with `message` (and any other columns in `data`),
 * writing the trace event and log line of the transition, both tagged with
 * tenantId and portalDomainId. `last_checked_at` moves with every call.
 */
export async function transitionPortalDomain(
  db: TDbOrTx,
  subject: TSubject,
  next: { status: TPortalDomainStatus; message: string; at: Date; data?: Record<string, unknown>; columns?: object },
): Promise<void> {
  await db.portalDomain.update({
    where: { id: subject.id },
    data: { status: next.status, statusMessage: next.message, lastCheckedAt: next.at, ...(next.columns ?? {}) },
    select: { id: true },
  });
  const data = { tenantId: subject.tenantId, portalDomainId: subject.id, from: subject.status, ...next.data };
  await appendTraceEvents({
    db,
    events: [
      embarkEvent({
        trace_id: subject.traceId,
        stage: `portal_domain.${next.status}`,
        status: TRACE_STATUS[next.status],
        message: next.message.slice(0, 2000),
        data,
        occurred_at: next.at.toISOString(),
      }),
    ],
  });
  logger.info({ tenantId: subject.tenantId, portalDomainId: subject.id, from: subject.status, to: next.status }, next.message);
  subject.status = next.status;
}
