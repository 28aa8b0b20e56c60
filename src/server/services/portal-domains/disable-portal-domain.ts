import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { inTransaction } from "@/server/services/outbox/in-transaction";
import { getPortalDomain } from "./get-portal-domain";
import { portalDomainNotFound, type TPortalDomainViewer } from "./portal-domain-access";
import type { TPortalDomainView } from "./portal-domain-view";
import { transitionPortalDomain } from "./record-portal-domain-event";
import { lockPortalDomain } from "./lock-portal-domain";

/**
 * Disables a domain: frees the tenant's slot and the name at once, and queues
 * the reconciliation that deletes its resources and snapshots. Disabling a
 * disabled domain changes nothing.
 */
export async function disablePortalDomain(opts: {
  db?: TDbOrTx;
  id: string;
  viewer: TPortalDomainViewer;
}): Promise<TPortalDomainView> {
  const db = opts.db ?? defaultDb();
  await getPortalDomain({ db, id: opts.id, viewer: opts.viewer });
  await inTransaction(db, async (tx) => {
    const row = await lockPortalDomain(tx, opts.id);
    if (!row) throw portalDomainNotFound(opts.id);
    if (row.status === "disabled") return;
    await transitionPortalDomain(tx, row, {
      status: "disabled",
      message: "Disabled; removing its cluster resources and manifest snapshots",
      at: new Date(),
      columns: { tenantSlot: null, domainSlot: null, disabledAt: new Date(), nextCheckAt: null },
    });
    await enqueue("portal-domains.reconcile", { portalDomainId: opts.id }, { db: tx });
  });
  return getPortalDomain({ db, id: opts.id, viewer: opts.viewer });
}
