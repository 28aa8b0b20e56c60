import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { FUNNEL_EVENT_SELECT, toFunnelEvent, type TFunnelEvent } from "./funnel-event";

export type TListFunnelEventsQuery = {
  db?: TDbOrTx;
  traceId?: string;
  sessionId?: string;
  emailFingerprint?: string;
  from?: Date;
  to?: Date;
  /** The `id` of the last event of the previous page. */
  after?: string;
  limit: number;
};

/** Where the page after event `after` starts, in (occurred_at, id) order. */
async function afterEvent(db: TDbOrTx, after: string): Promise<Prisma.FunnelEventWhereInput> {
  const id = /^\d{1,19}$/.test(after) ? BigInt(after) : null;
  const row = id === null ? null : await db.funnelEvent.findUnique({ where: { id }, select: { id: true, occurredAt: true } });
  if (!row) throw new AppError("BAD_REQUEST", { message: "after must be the id of a listed event", details: { field: "after" } });
  return { OR: [{ occurredAt: { gt: row.occurredAt } }, { occurredAt: row.occurredAt, id: { gt: row.id } }] };
}

/**
 * Funnel events by trace, browser session, email fingerprint and/or time
 * range, oldest first, in keyset pages. Nothing found is an empty list.
 */
export async function listFunnelEvents(opts: TListFunnelEventsQuery): Promise<TFunnelEvent[]> {
  const db = opts.db ?? defaultDb();
  const where: Prisma.FunnelEventWhereInput[] = [];
  if (opts.traceId) where.push({ traceId: opts.traceId });
  if (opts.sessionId) where.push({ sessionId: opts.sessionId });
  if (opts.emailFingerprint) where.push({ emailFingerprint: opts.emailFingerprint });
  if (opts.from) where.push({ occurredAt: { gte: opts.from } });
  if (opts.to) where.push({ occurredAt: { lt: opts.to } });
  if (opts.after) where.push(await afterEvent(db, opts.after));
  const rows = await db.funnelEvent.findMany({
    where: { AND: where },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: FUNNEL_EVENT_SELECT,
    take: opts.limit,
  });
  return rows.map(toFunnelEvent);
}
