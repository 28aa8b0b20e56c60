import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { newOpsAlertId } from "@/server/services/portal-domains/portal-domain-ids";

const openKeyOf = (kind: string, subjectId: string) => `${kind}:${subjectId}`;

/** Opens an alert unless one of this kind is already open for the subject. Resolves to true when it opened one. */
export async function raiseOpsAlert(
  db: TDbOrTx,
  a: { kind: string; subjectId: string; tenantId: string | null; message: string; at: Date },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO ops_alerts (id, kind, subject_id, tenant_id, message, open_key, raised_at)
    VALUES (${newOpsAlertId()}, ${a.kind}, ${a.subjectId}, ${a.tenantId}::uuid, ${a.message}, ${openKeyOf(a.kind, a.subjectId)}, ${a.at})
    ON CONFLICT (open_key) DO NOTHING`;
  return inserted === 1;
}

/** Clears the open alert of this kind for the subject, if any. Resolves to true when one was open. */
export async function clearOpsAlert(db: TDbOrTx, a: { kind: string; subjectId: string; at: Date }): Promise<boolean> {
  const { count } = await db.opsAlert.updateMany({
    where: { openKey: openKeyOf(a.kind, a.subjectId) },
    data: { openKey: null, clearedAt: a.at },
  });
  return count > 0;
}

export type TOpsAlertView = { id: string; kind: string; subject_id: string; tenant_id: string | null; message: string; raised_at: Date; cleared_at: Date | null };

/** Open alerts, newest first (optionally of one subject). */
export async function listOpenOpsAlerts(opts: { db?: TDbOrTx; subjectId?: string } = {}): Promise<TOpsAlertView[]> {
  const db = opts.db ?? defaultDb();
  const rows = await db.opsAlert.findMany({
    where: { clearedAt: null, ...(opts.subjectId ? { subjectId: opts.subjectId } : {}) },
    orderBy: { raisedAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subject_id: r.subjectId,
    tenant_id: r.tenantId,
    message: r.message,
    raised_at: r.raisedAt,
    cleared_at: r.clearedAt,
  }));
}
