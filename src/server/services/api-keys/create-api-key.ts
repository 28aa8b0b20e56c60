import { randomUUID } from "node:crypto";
import { db as defaultDb, type TDb } from "@/server/db";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { TAuditActor } from "@/server/services/audit/types";
import { API_KEY_SUMMARY_SELECT, type TApiKeySummary } from "./api-key-summary";
import { mintApiKeySecret } from "./mint-api-key-secret";
import type { TApiKeyScope } from "./scopes";

/**
 * Creates an API key and audits it in one transaction. The full key is in the
 * result and nowhere else: only its SHA-256 and a short prefix are stored.
 */
export async function createApiKey(opts: {
  db?: TDb;
  name: string;
  scopes: TApiKeyScope[];
  actor: TAuditActor;
  requestId?: string;
}): Promise<TApiKeySummary & { key: string }> {
  const db = opts.db ?? defaultDb();
  const { key, prefix, keyHash } = mintApiKeySecret();
  const scopes = [...new Set(opts.scopes)];
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { id: randomUUID(), name: opts.name, prefix, keyHash, scopes, createdBy: opts.actor.id },
      select: API_KEY_SUMMARY_SELECT,
    });
    await recordAudit({
      db: tx,
      actor: opts.actor,
      action: "apiKey.create",
      targetType: "apiKey",
      targetId: row.id,
      details: { name: row.name, prefix, scopes },
      requestId: opts.requestId,
    });
    return row;
  });
  return { ...created, key };
}
