import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { afterKeysetCursor, keysetPage } from "@/server/services/shared/keyset-cursor";

export type TAuditEntry = {
  id: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  requestId: string | null;
  createdAt: Date;
};

/**
 * Newest first, by keyset on (createdAt, id) so pages stay stable while rows
 * are added. `action` ending in `*` matches a prefix (`apiKey.*`); `actor`
 * matches an actor id exactly or a label by substring.
 */
export async function listAuditLog(opts: {
  db?: TDbOrTx;
  limit: number;
  cursor?: string;
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
}): Promise<{ items: TAuditEntry[]; nextCursor: string | null }> {
  const db = opts.db ?? defaultDb();
  const and: Prisma.AuditLogWhereInput[] = [];
  if (opts.action) {
    and.push(opts.action.endsWith("*") ? { action: { startsWith: opts.action.slice(0, -1) } } : { action: opts.action });
  }
  if (opts.actor) {
    and.push({ OR: [{ actorId: opts.actor }, { actorLabel: { contains: opts.actor, mode: "insensitive" } }] });
  }
  if (opts.targetType) and.push({ targetType: opts.targetType });
  if (opts.targetId) and.push({ targetId: opts.targetId });
  const after = afterKeysetCursor(opts.cursor);
  if (after) and.push(after);
  const rows = await db.auditLog.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: {
      id: true,
      actorId: true,
      actorLabel: true,
      action: true,
      targetType: true,
      targetId: true,
      details: true,
      requestId: true,
      createdAt: true,
    },
  });
  const { page, nextCursor } = keysetPage(rows, opts.limit);
  return { items: page, nextCursor };
}
