import { describeKubeError, readObject } from "@/server/integrations/kubernetes/cluster-objects";
import { clearOpsAlert, raiseOpsAlert } from "@/server/services/ops/ops-alerts";
import { probeTenantHealth } from "@/server/services/onboarding/probe-tenant-health";
import { transitionPortalDomain } from "./record-portal-domain-event";
import { backoffSeconds, emitDomainEvent, scheduleCheck, type TReconcileContext } from "./reconcile-context";
import { portalObjectRefs } from "./render-portal-manifests";

/** A certificate not Ready for longer than this raises the stuck alert and fails the domain. */
export const CERTIFICATE_STUCK_AFTER_MS = 60 * 60 * 1000;
export const CERTIFICATE_STUCK_ALERT = "portal_domain.certificate_stuck";

type TCondition = { type?: string; status?: string; reason?: string; message?: string };

async function certificateReadiness(ctx: TReconcileContext): Promise<{ ready: boolean; reason: string }> {
  const ref = portalObjectRefs(ctx.subject.tenantId, ctx.settings.PORTAL_DOMAIN_NAMESPACE).find((r) => r.kind === "Certificate")!;
  const cert = await readObject(ctx.kubeConfig!, ref);
  if (!cert) return { ready: false, reason: `Certificate ${ref.metadata.name} is not in the cluster` };
  const conditions = ((cert.status as { conditions?: TCondition[] } | undefined)?.conditions ?? []) as TCondition[];
  const ready = conditions.find((c) => c.type === "Ready");
  if (!ready) return { ready: false, reason: "cert-manager has not reported on the certificate yet" };
  const why = [ready.reason, ready.message].filter(Boolean).join(": ") || "no reason given";
  return { ready: ready.status === "True", reason: why };
}

/** Certificate Ready, then an HTTPS probe through the configured ingress only; then active. */
export async function checkPortalReadiness(ctx: TReconcileContext): Promise<void> {
  const at = ctx.now;
  if (!ctx.kubeConfig) {
    await transitionPortalDomain(ctx.tx, ctx.subject, {
      status: "pending_certificate",
      message: "No cluster is configured (KUBECONFIG): the certificate's readiness cannot be checked",
      at,
    });
    return;
  }
  let readiness: { ready: boolean; reason: string };
  try {
    readiness = await certificateReadiness(ctx);
  } catch (err) {
    readiness = { ready: false, reason: `reading the Certificate failed: ${describeKubeError(err)}` };
  }
  if (!readiness.ready) return certificateNotReady(ctx, readiness.reason);

  await clearOpsAlert(ctx.tx, { kind: CERTIFICATE_STUCK_ALERT, subjectId: ctx.subject.id, at });
  const columns = { certPendingSince: null };
  const ingress = ctx.settings.PORTAL_INGRESS_ADDRESS;
  let probeNote = "HTTP probe skipped: PORTAL_INGRESS_ADDRESS is not set";
  if (ingress) {
    const probe = await probeTenantHealth({
      hostname: ctx.domain,
      path: "/",
      connectTo: ingress,
      caFile: ctx.settings.PORTAL_INGRESS_CA_FILE,
      timeoutMs: 5000,
    });
    if (!probe.ok) {
      const failedChecks = ctx.failedChecks + 1;
      await transitionPortalDomain(ctx.tx, ctx.subject, {
        status: "deploying",
        message: `Certificate Ready; the probe through ${ingress} failed: ${probe.error}`,
        at,
        columns: { ...columns, failedChecks },
      });
      await scheduleCheck(ctx, backoffSeconds(failedChecks - 1, 15, 600));
      return;
    }
    probeNote = `${probe.url} answered ${probe.statusCode} through ${ingress}`;
  }
  const message = `Active: certificate Ready (${readiness.reason}); ${probeNote}`;
  await transitionPortalDomain(ctx.tx, ctx.subject, {
    status: "active",
    message,
    at,
    columns: { ...columns, failedChecks: 0, nextCheckAt: null, activatedAt: at },
  });
  await emitDomainEvent(ctx, "portal_domain.active", { status: "active", status_message: message });
}

async function certificateNotReady(ctx: TReconcileContext, reason: string): Promise<void> {
  const at = ctx.now;
  const since = ctx.certPendingSince ?? at;
  const failedChecks = ctx.failedChecks + 1;
  const stuck = at.getTime() - since.getTime() > CERTIFICATE_STUCK_AFTER_MS;
  if (!stuck) {
    await ctx.tx.portalDomain.update({
      where: { id: ctx.subject.id },
      data: { statusMessage: `Waiting for the certificate: ${reason}`, lastCheckedAt: at, failedChecks, certPendingSince: since },
      select: { id: true },
    });
    await scheduleCheck(ctx, backoffSeconds(failedChecks - 1, 15, 600));
    return;
  }
  const message = `Certificate not Ready since ${since.toISOString()} (over an hour): ${reason}`;
  if (ctx.subject.status !== "certificate_failed") {
    await transitionPortalDomain(ctx.tx, ctx.subject, { status: "certificate_failed", message, at, columns: { failedChecks } });
    await emitDomainEvent(ctx, "portal_domain.failed", { status: "certificate_failed", status_message: message });
  } else {
    await ctx.tx.portalDomain.update({
      where: { id: ctx.subject.id },
      data: { statusMessage: message, lastCheckedAt: at, failedChecks },
      select: { id: true },
    });
  }
  const raised = await raiseOpsAlert(ctx.tx, {
    kind: CERTIFICATE_STUCK_ALERT,
    subjectId: ctx.subject.id,
    tenantId: ctx.subject.tenantId,
    message: `${ctx.domain}: ${message}`,
    at,
  });
  if (raised) await emitDomainEvent(ctx, "portal_domain.certificate_stuck", { since: since.toISOString(), reason });
  // Still polled, more slowly: a certificate that turns Ready clears the alert and moves on.
  await scheduleCheck(ctx, backoffSeconds(failedChecks - 1, 60, 3600));
}
