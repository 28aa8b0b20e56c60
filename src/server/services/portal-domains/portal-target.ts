import type { TDbOrTx } from "@/server/db";
import { newPortalTargetLabel } from "./portal-domain-ids";

/**
 * The tenant's CNAME label, minted on first use and kept for good (rows are
 * never deleted, labels never handed to another tenant). Safe inside a
 * transaction when two first submits race: the second waits and reads the
 * first one's label.
 */
export async function ensurePortalTarget(db: TDbOrTx, tenantId: string): Promise<string> {
  await db.$executeRaw`
    INSERT INTO portal_targets (tenant_id, label) VALUES (${tenantId}::uuid, ${newPortalTargetLabel()})
    ON CONFLICT (tenant_id) DO NOTHING`;
  const row = await db.portalTarget.findUniqueOrThrow({ where: { tenantId }, select: { label: true } });
  return row.label;
}

/** Labels of tenants, for views of many domains. */
export async function portalTargetLabels(db: TDbOrTx, tenantIds: string[]): Promise<Map<string, string>> {
  const rows = await db.portalTarget.findMany({ where: { tenantId: { in: [...new Set(tenantIds)] } } });
  return new Map(rows.map((r) => [r.tenantId, r.label]));
}
