import type { TDbOrTx } from "@/server/db";

export type TLockedPortalDomain = { id: string; tenantId: string; traceId: string; status: string };

/** Locks a domain's row for the rest of the transaction: one reconciliation or change at a time. */
export async function lockPortalDomain(tx: TDbOrTx, id: string): Promise<TLockedPortalDomain | null> {
  const [row] = await tx.$queryRaw<{ id: string; tenant_id: string; trace_id: string; status: string }[]>`
    SELECT id, tenant_id::text, trace_id, status FROM portal_domains WHERE id = ${id} FOR UPDATE`;
  return row ? { id: row.id, tenantId: row.tenant_id, traceId: row.trace_id, status: row.status } : null;
}
