import type { KubeConfig } from "@kubernetes/client-node";
import { env } from "@/env";
import { enqueue } from "@/jobs/registry";
import type { TDbOrTx } from "@/server/db";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import type { TWebhookEventType } from "@/server/services/webhooks/event-types";
import type { TLockedPortalDomain } from "./lock-portal-domain";

/** What one reconciliation pass works with: the locked row, its transaction and the moment it runs at. */
export type TReconcileContext = {
  tx: TDbOrTx;
  subject: TLockedPortalDomain;
  domain: string;
  label: string;
  failedChecks: number;
  certPendingSince: Date | null;
  now: Date;
  kubeConfig: KubeConfig | null;
  settings: ReturnType<typeof env>;
};

/** Backoff of re-checks: `base` seconds doubled per failed check, capped. */
export const backoffSeconds = (failedChecks: number, base: number, cap: number): number =>
  Math.min(cap, base * 2 ** Math.min(failedChecks, 16));

/**
 * Queues the next check `seconds` after the pass's moment. The job carries
 * its due time; an older queued check whose time is no longer the row's is
 * skipped, so forced reconciliations never leave two polling chains.
 */
export async function scheduleCheck(ctx: TReconcileContext, seconds: number): Promise<void> {
  const due = new Date(ctx.now.getTime() + seconds * 1000);
  await ctx.tx.portalDomain.update({ where: { id: ctx.subject.id }, data: { nextCheckAt: due }, select: { id: true } });
  await enqueue(
    "portal-domains.reconcile",
    { portalDomainId: ctx.subject.id, dueAt: due.toISOString() },
    { db: ctx.tx, startAfter: new Date(Date.now() + seconds * 1000) },
  );
}

/** Emits a portal_domain.* webhook event in the pass's transaction. */
export async function emitDomainEvent(ctx: TReconcileContext, type: TWebhookEventType, extra: Record<string, unknown>): Promise<void> {
  await emitWebhookEvent({
    db: ctx.tx,
    type,
    data: { portal_domain_id: ctx.subject.id, tenant_id: ctx.subject.tenantId, domain: ctx.domain, ...extra },
  });
}
