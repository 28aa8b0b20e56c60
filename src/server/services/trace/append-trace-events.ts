import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { ZTraceEventInput, type TTraceEventInput } from "./trace-event";

/**
 * Stores trace events as given (already validated by the caller's schema, or
 * built by Embark). Pass a transaction to write them with the change they
 * describe. A job that was Dispatched moves to Running on its workflow's first
 * event.
 */
export async function appendTraceEvents(opts: { db?: TDbOrTx; events: TTraceEventInput[] }): Promise<{ accepted: number }> {
  const db = opts.db ?? defaultDb();
  const events = opts.events.map((e) => ZTraceEventInput.parse(e));
  if (events.length === 0) return { accepted: 0 };
  const now = new Date();
  await db.traceEvent.createMany({
    data: events.map((e) => ({
      traceId: e.trace_id,
      jobId: e.job_id ?? null,
      stage: e.stage,
      status: e.status,
      message: e.message ?? null,
      data: (e.data as Prisma.InputJsonValue | undefined) ?? undefined,
      source: e.source,
      occurredAt: e.occurred_at ? new Date(e.occurred_at) : now,
    })),
  });
  const runningJobIds = [...new Set(events.filter((e) => e.job_id && e.source !== "embark").map((e) => e.job_id!))];
  if (runningJobIds.length > 0) {
    await db.provisionJob.updateMany({
      where: { id: { in: runningJobIds }, status: "Dispatched" },
      data: { status: "Running", startedAt: now },
    });
  }
  return { accepted: events.length };
}

/** An event Embark writes about its own step. */
export function embarkEvent(
  e: Omit<TTraceEventInput, "source" | "occurred_at"> & { occurred_at?: string },
): TTraceEventInput {
  return { ...e, source: "embark" };
}
