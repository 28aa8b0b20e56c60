import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { getPortalDomain } from "./get-portal-domain";
import type { TPortalDomainViewer } from "./portal-domain-access";

/** Queues a forced reconciliation now; it runs after any pass in progress for the same domain. */
export async function requestPortalDomainReconcile(opts: {
  db?: TDbOrTx;
  id: string;
  viewer?: TPortalDomainViewer;
}): Promise<{ id: string; queued: boolean; job_id: string | null; status: string }> {
  const db = opts.db ?? defaultDb();
  const domain = await getPortalDomain({ db, id: opts.id, viewer: opts.viewer });
  const jobId = await enqueue("portal-domains.reconcile", { portalDomainId: opts.id });
  return { id: opts.id, queued: true, job_id: jobId, status: domain.status };
}
