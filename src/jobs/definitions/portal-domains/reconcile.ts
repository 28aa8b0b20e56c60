import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { ZPortalDomainId } from "@/server/services/portal-domains/portal-domain-ids";

export const ZPortalDomainReconcilePayload = z.object({
  portalDomainId: ZPortalDomainId,
  /** Set on scheduled re-checks: the row's next_check_at it was queued for. */
  dueAt: z.iso.datetime().optional(),
});

/** One reconciliation pass of a portal domain: DNS, manifests, certificate and probe, or clean-up. */
export const portalDomainsReconcileJob = defineJob({
  name: "portal-domains.reconcile",
  payload: ZPortalDomainReconcilePayload,
  // Unexpected errors (database, a crash mid-pass): retried; expected failures are states with their own re-checks.
  retry: { limit: 5, delaySeconds: 15, backoff: true, maxDelaySeconds: 600 },
  concurrency: 2,
  expireInSeconds: 300,
  handler: () => import("./reconcile.handler"),
});
