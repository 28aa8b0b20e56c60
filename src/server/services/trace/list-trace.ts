import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { TRACE_EVENT_SELECT, toTraceEvent, type TTraceEvent } from "./trace-event";

/** Every event of a trace, oldest first (events of one instant in order of arrival). */
export async function listTrace(opts: { db?: TDbOrTx; traceId: string; jobId?: string }): Promise<TTraceEvent[]> {
  const db = opts.db ?? defaultDb();
  const rows = await db.traceEvent.findMany({
    where: { traceId: opts.traceId, ...(opts.jobId ? { jobId: opts.jobId } : {}) },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    select: TRACE_EVENT_SELECT,
    take: 5000,
  });
  return rows.map(toTraceEvent);
}

/** Like listTrace, but an unknown trace is NOT_FOUND. */
export async function getTrace(opts: { db?: TDbOrTx; traceId: string }): Promise<TTraceEvent[]> {
  const events = await listTrace(opts);
  if (events.length === 0) {
    throw new AppError("NOT_FOUND", { message: `No trace ${opts.traceId}`, details: { trace_id: opts.traceId } });
  }
  return events;
}
