import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { API_KEY_SUMMARY_SELECT, type TApiKeySummary } from "./api-key-summary";

/** All API keys, newest first; revoked ones only when asked for. */
export async function listApiKeys(opts: { db?: TDbOrTx; includeRevoked?: boolean } = {}): Promise<TApiKeySummary[]> {
  const db = opts.db ?? defaultDb();
  return db.apiKey.findMany({
    where: opts.includeRevoked ? {} : { revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: API_KEY_SUMMARY_SELECT,
  });
}
