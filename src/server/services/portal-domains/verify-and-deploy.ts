import { resolveCnameChain, dnsServersFrom } from "@/server/integrations/dns/resolve-cname-chain";
import { applyObjects, describeKubeError } from "@/server/integrations/kubernetes/cluster-objects";
import type { KubernetesObject } from "@kubernetes/client-node";
import { cnameTargetOf } from "./portal-domain-view";
import { writeManifestSnapshots } from "./manifest-snapshots";
import { transitionPortalDomain } from "./record-portal-domain-event";
import { backoffSeconds, emitDomainEvent, scheduleCheck, type TReconcileContext } from "./reconcile-context";
import { portalResourceNames, renderPortalManifests } from "./render-portal-manifests";
import { checkPortalReadiness } from "./check-portal-readiness";

function dnsProblem(domain: string, target: string, chain: string[], error: string | null): string {
  if (error) return `DNS check failed: ${error}. Expected a CNAME from ${domain} to ${target}`;
  if (chain.length === 0) return `${domain} has no CNAME record; add a CNAME record pointing at ${target}`;
  return `${domain} points at ${chain.join(" → ")}, not ${target}; change its CNAME record to ${target}`;
}

/** DNS check, then manifests: rendered, written as snapshots, applied when a cluster is configured. */
export async function verifyAndDeploy(ctx: TReconcileContext): Promise<void> {
  const target = cnameTargetOf(ctx.label);
  const at = ctx.now;
  // A pass retrying a failed apply keeps counting for its backoff and does not report the failure again.
  const startedAs = ctx.subject.status;
  const wasApplyFailing = startedAs === "certificate_failed";
  const priorFailures = ctx.failedChecks;
  await transitionPortalDomain(ctx.tx, ctx.subject, {
    status: "verifying_dns",
    message: `Checking that ${ctx.domain} has a CNAME to ${target}`,
    at,
  });
  const { chain, error } = await resolveCnameChain(ctx.domain, {
    servers: dnsServersFrom(ctx.settings.DNS_RESOLVERS),
    stopAt: target,
  });
  if (!chain.includes(target)) {
    const wasFailing = startedAs === "dns_failed";
    const failedChecks = (wasFailing ? priorFailures : 0) + 1;
    const message = dnsProblem(ctx.domain, target, chain, error);
    await transitionPortalDomain(ctx.tx, ctx.subject, {
      status: "dns_failed",
      message,
      at,
      data: { chain, expected: target },
      columns: { failedChecks },
    });
    if (!wasFailing) await emitDomainEvent(ctx, "portal_domain.failed", { status: "dns_failed", status_message: message });
    await scheduleCheck(ctx, backoffSeconds(failedChecks - 1, 30, 3600));
    return;
  }

  const manifests = renderPortalManifests(
    { id: ctx.subject.id, tenantId: ctx.subject.tenantId, domain: ctx.domain },
    {
      namespace: ctx.settings.PORTAL_DOMAIN_NAMESPACE,
      issuer: ctx.settings.PORTAL_DOMAIN_ISSUER,
      challengeHost: ctx.settings.PORTAL_DOMAIN_CHALLENGE_HOST,
      serviceHost: ctx.settings.PORTAL_DOMAIN_SERVICE_HOST,
    },
  );
  const dir = ctx.settings.PORTAL_DOMAIN_MANIFEST_DIR;
  const folder = dir ? await writeManifestSnapshots(dir, portalResourceNames(ctx.subject.tenantId).prefix, manifests) : null;
  const written = folder ? `written to ${folder}` : "rendered (shown on the domain's page; set PORTAL_DOMAIN_MANIFEST_DIR for files)";
  const columns = { manifests, failedChecks: 0, nextCheckAt: null };
  ctx.failedChecks = 0;

  if (!ctx.kubeConfig) {
    await transitionPortalDomain(ctx.tx, ctx.subject, {
      status: "pending_certificate",
      message: `DNS verified. Manifests ${written} and must be applied: no cluster is configured (KUBECONFIG)`,
      at,
      data: { chain, snapshotDir: folder },
      columns,
    });
    return;
  }
  await transitionPortalDomain(ctx.tx, ctx.subject, {
    status: "pending_certificate",
    message: `DNS verified. Manifests ${written}; applying them to the cluster`,
    at,
    data: { chain, snapshotDir: folder },
    columns,
  });
  try {
    await applyObjects(ctx.kubeConfig, Object.values(manifests) as KubernetesObject[]);
  } catch (err) {
    const failedChecks = (wasApplyFailing ? priorFailures : 0) + 1;
    const message = `Could not apply the manifests: ${describeKubeError(err)}`;
    await transitionPortalDomain(ctx.tx, ctx.subject, { status: "certificate_failed", message, at, columns: { failedChecks } });
    if (!wasApplyFailing) await emitDomainEvent(ctx, "portal_domain.failed", { status: "certificate_failed", status_message: message });
    await scheduleCheck(ctx, backoffSeconds(failedChecks - 1, 60, 3600));
    return;
  }
  ctx.certPendingSince = ctx.certPendingSince ?? at;
  await transitionPortalDomain(ctx.tx, ctx.subject, {
    status: "deploying",
    message: "Manifests applied; waiting for cert-manager to issue the certificate",
    at,
    columns: { applied: true, certPendingSince: ctx.certPendingSince },
  });
  await checkPortalReadiness(ctx);
}
