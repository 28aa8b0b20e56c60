import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { EXPIRED_BODY, REMOVED_BODIES } from "./outbox-status";

const HOUR = 60 * 60 * 1000;

/**
 * How long the sealed body of a sensitive message that will not be sent
 * (failed or held) is kept: long enough to read a held code from the outbox
 * or retry a failed one while the code still works (minutes), no longer.
 */
export const SETTLED_SENSITIVE_BODY_TTL_MS = HOUR;

/** How long any sensitive body is kept, whatever its status: far past the life of any code it holds. */
export const SENSITIVE_BODY_TTL_MS = 24 * HOUR;

/** `lastError` of a sensitive message that was still queued when its body expired. */
export const EXPIRED_BEFORE_DELIVERY = "not delivered before its contents expired; the body was removed";

/**
 * Removes the contents of sensitive mail (one-time codes) kept past their
 * usefulness: bodies of failed or held messages after an hour, and every
 * sensitive body after a day. A queued message whose body expires is marked
 * failed, since there is nothing left to deliver. Non-sensitive bodies are
 * kept. Resolves to the number of bodies removed.
 */
export async function expireSensitiveOutboxBodies(opts: { db?: TDbOrTx; now?: Date } = {}): Promise<{ expired: number }> {
  const db = opts.db ?? defaultDb();
  const now = (opts.now ?? new Date()).getTime();
  const hasContents = { sensitive: true, body: { notIn: [...REMOVED_BODIES] } };

  const settled = await db.outboxMessage.updateMany({
    where: {
      ...hasContents,
      status: { not: "queued" },
      createdAt: { lt: new Date(now - SETTLED_SENSITIVE_BODY_TTL_MS) },
    },
    data: { body: EXPIRED_BODY },
  });
  const queued = await db.outboxMessage.updateMany({
    where: { ...hasContents, status: "queued", createdAt: { lt: new Date(now - SENSITIVE_BODY_TTL_MS) } },
    data: { body: EXPIRED_BODY, status: "failed", lastError: EXPIRED_BEFORE_DELIVERY },
  });
  return { expired: settled.count + queued.count };
}
