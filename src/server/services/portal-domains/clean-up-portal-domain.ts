import { deleteObjects, describeKubeError } from "@/server/integrations/kubernetes/cluster-objects";
import { clearOpsAlert } from "@/server/services/ops/ops-alerts";
import { removeManifestSnapshots } from "./manifest-snapshots";
import { transitionPortalDomain } from "./record-portal-domain-event";
import { backoffSeconds, scheduleCheck, type TReconcileContext } from "./reconcile-context";
import { portalObjectRefs, portalResourceNames } from "./render-portal-manifests";
import { CERTIFICATE_STUCK_ALERT } from "./check-portal-readiness";

/** A disabled domain: its cluster resources deleted, its snapshots removed, and the status saying which. */
export async function cleanUpPortalDomain(ctx: TReconcileContext): Promise<void> {
  const at = ctx.now;
  const parts: string[] = [];
  // Resource names are per tenant: once the tenant has a newer live domain they serve it, and stay.
  const successor = await ctx.tx.portalDomain.findFirst({
    where: { tenantSlot: ctx.subject.tenantId, id: { not: ctx.subject.id } },
    select: { domain: true },
  });
  if (successor) {
    parts.push(`the tenant's resources and snapshots now serve ${successor.domain}, so nothing was deleted`);
  } else if (ctx.kubeConfig) {
    try {
      const deleted = await deleteObjects(ctx.kubeConfig, portalObjectRefs(ctx.subject.tenantId, ctx.settings.PORTAL_DOMAIN_NAMESPACE));
      parts.push(
        deleted.length > 0
          ? `deleted from the cluster: ${deleted.map((r) => `${r.kind} ${r.metadata.namespace}/${r.metadata.name}`).join(", ")}`
          : "nothing left in the cluster to delete",
      );
    } catch (err) {
      const failedChecks = ctx.failedChecks + 1;
      await ctx.tx.portalDomain.update({
        where: { id: ctx.subject.id },
        data: { statusMessage: `Disabled; deleting its cluster resources failed, retrying: ${describeKubeError(err)}`, lastCheckedAt: at, failedChecks },
        select: { id: true },
      });
      await scheduleCheck(ctx, backoffSeconds(failedChecks - 1, 30, 3600));
      return;
    }
  } else {
    parts.push("no cluster is configured, so nothing was deleted from one");
  }
  const dir = ctx.settings.PORTAL_DOMAIN_MANIFEST_DIR;
  if (dir && !successor) {
    const removed = await removeManifestSnapshots(dir, portalResourceNames(ctx.subject.tenantId).prefix);
    parts.push(removed.length > 0 ? `removed snapshots ${removed.join(", ")}` : "no snapshots to remove");
  }
  await clearOpsAlert(ctx.tx, { kind: CERTIFICATE_STUCK_ALERT, subjectId: ctx.subject.id, at });
  await transitionPortalDomain(ctx.tx, ctx.subject, {
    status: "disabled",
    message: `Disabled; ${parts.join("; ")}`,
    at,
    columns: { applied: false, failedChecks: 0, nextCheckAt: null, certPendingSince: null },
  });
}
