import type { KubeConfig } from "@kubernetes/client-node";
import { env } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { clusterKubeConfig } from "@/server/integrations/kubernetes/kube-config";
import { checkPortalReadiness } from "./check-portal-readiness";
import { cleanUpPortalDomain } from "./clean-up-portal-domain";
import { lockPortalDomain } from "./lock-portal-domain";
import { ensurePortalTarget } from "./portal-target";
import type { TReconcileContext } from "./reconcile-context";
import { verifyAndDeploy } from "./verify-and-deploy";

export type TReconcileOutcome = { status: string; skipped: boolean };

/**
 * One reconciliation pass of a portal domain, on its locked row: a second
 * pass for the same domain waits for the first to commit and then starts
 * from what it left. `dueAt` marks a scheduled check, skipped when a later
 * pass has rescheduled; `now` is the pass's moment (tests move it).
 */
export async function reconcilePortalDomain(opts: {
  db?: TDb;
  portalDomainId: string;
  dueAt?: string;
  now?: Date;
  kubeConfig?: KubeConfig | null;
}): Promise<TReconcileOutcome | null> {
  const db = opts.db ?? defaultDb();
  return db.$transaction(
    async (tx) => {
      const subject = await lockPortalDomain(tx, opts.portalDomainId);
      if (!subject) return null;
      const row = await tx.portalDomain.findUniqueOrThrow({
        where: { id: subject.id },
        select: { domain: true, failedChecks: true, certPendingSince: true, applied: true, nextCheckAt: true },
      });
      if (opts.dueAt && row.nextCheckAt?.toISOString() !== opts.dueAt) return { status: subject.status, skipped: true };
      const ctx: TReconcileContext = {
        tx,
        subject,
        domain: row.domain,
        label: await ensurePortalTarget(tx, subject.tenantId),
        failedChecks: row.failedChecks,
        certPendingSince: row.certPendingSince,
        now: opts.now ?? new Date(),
        kubeConfig: opts.kubeConfig === undefined ? clusterKubeConfig() : opts.kubeConfig,
        settings: env(),
      };
      const waitingOnCluster = subject.status === "deploying" || (subject.status === "certificate_failed" && row.applied);
      if (subject.status === "disabled") await cleanUpPortalDomain(ctx);
      else if (waitingOnCluster) await checkPortalReadiness(ctx);
      else await verifyAndDeploy(ctx);
      return { status: ctx.subject.status, skipped: false };
    },
    // DNS and Kubernetes calls happen inside; a waiting second pass needs room too.
    { timeout: 120_000, maxWait: 30_000 },
  );
}
