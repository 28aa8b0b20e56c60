import { db as defaultDb, type TDb } from "@/server/db";
import { REDEEM_RETRY_WINDOW_MS } from "./redeem-install-code";

/**
 * Drops what licensing keeps sealed only for a while: the redeem answer a
 * retrying appliance may get again (past the retry window nobody can ask for
 * it), and the sealed code of a code that can no longer be redeemed (expired,
 * consumed or revoked). Only the codes' digests stay.
 */
export async function expireSealedLicensingSecrets(opts: { now: Date; db?: TDb }): Promise<{ answers: number; codes: number }> {
  const db = opts.db ?? defaultDb();
  const answers = await db.installCode.updateMany({
    where: { sealedAnswer: { not: null }, consumedAt: { lt: new Date(opts.now.getTime() - REDEEM_RETRY_WINDOW_MS) } },
    data: { sealedAnswer: null },
  });
  const codes = await db.installCode.updateMany({
    where: { sealedCode: { not: null }, OR: [{ expiresAt: { lte: opts.now } }, { consumedAt: { not: null } }, { revokedAt: { not: null } }] },
    data: { sealedCode: null },
  });
  return { answers: answers.count, codes: codes.count };
}
