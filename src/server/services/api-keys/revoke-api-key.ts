import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { API_KEY_SUMMARY_SELECT, type TApiKeySummary } from "./api-key-summary";

/**
 * Revokes a key at once (the next request with it gets 401). Revoking a
 * revoked key changes nothing and writes no second audit row.
 */
export async function revokeApiKey(opts: {
  db?: TDb;
  id: string;
  actor: TAuditActor;
  requestId?: string;
}): Promise<TApiKeySummary> {
  const db = opts.db ?? defaultDb();
  return db.$transaction(async (tx) => {
    // The revokedAt guard makes concurrent revokes audit once.
    const { count } = await tx.apiKey.updateMany({
      where: { id: opts.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const row = await tx.apiKey.findUnique({ where: { id: opts.id }, select: API_KEY_SUMMARY_SELECT });
    if (!row) throw new AppError("NOT_FOUND", { message: "No API key with this id", details: { id: opts.id } });
    if (count === 1) {
      await recordAudit({
        db: tx,
        actor: opts.actor,
        action: "apiKey.revoke",
        targetType: "apiKey",
        targetId: row.id,
        details: { name: row.name, prefix: row.prefix },
        requestId: opts.requestId,
      });
    }
    return row;
  });
}
