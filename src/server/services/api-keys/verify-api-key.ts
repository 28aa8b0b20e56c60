import { timingSafeEqual } from "node:crypto";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { logger } from "@/server/logger";
import { API_KEY_PREFIX, hashApiKey } from "./mint-api-key-secret";

/** lastUsedAt is a hint for operators; writing it at most once a minute keeps requests cheap. */
const TOUCH_INTERVAL_MS = 60_000;

export type TVerifiedApiKey = { id: string; name: string; scopes: string[] };
export type TApiKeyVerification =
  | { status: "valid"; key: TVerifiedApiKey }
  | { status: "revoked" }
  | { status: "unknown" };

/** Resolves a presented bearer token to an API key by its SHA-256 digest. */
export async function verifyApiKey(opts: { key: string; db?: TDbOrTx; now?: Date }): Promise<TApiKeyVerification> {
  if (!opts.key.startsWith(API_KEY_PREFIX)) return { status: "unknown" };
  const db = opts.db ?? defaultDb();
  const keyHash = hashApiKey(opts.key);
  const row = await db.apiKey.findUnique({
    where: { keyHash },
    select: { id: true, name: true, scopes: true, keyHash: true, revokedAt: true, lastUsedAt: true },
  });
  // The lookup is by digest, so a match already proves the key; the explicit
  // constant-time check guards against a future change to the lookup.
  if (!row || !timingSafeEqual(Buffer.from(row.keyHash, "hex"), Buffer.from(keyHash, "hex"))) {
    return { status: "unknown" };
  }
  if (row.revokedAt) return { status: "revoked" };
  const now = opts.now ?? new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    // Not awaited: the request should not wait on bookkeeping.
    db.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } })
      .catch((err: unknown) => logger.warn({ err, keyId: row.id }, "could not record API key use"));
  }
  return { status: "valid", key: { id: row.id, name: row.name, scopes: row.scopes } };
}
