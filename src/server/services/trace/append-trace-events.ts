import { Prisma } from "@/generated/prisma/client";
import { utcTimestamp } from "@/server/database/sql-values";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { truncateText } from "@/server/validation/text";
import { TRACE_MESSAGE_MAX, ZTraceEventInput, type TTraceEventInput } from "./trace-event";

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
  await learnRunUrls(db, events);
  return { accepted: events.length };
}

/** The columns `embarkEventSql` gives values for, in its order. */
export const TRACE_EVENT_COLUMNS = Prisma.sql`trace_id, job_id, stage, status, message, data, source, occurred_at, created_at`;

/**
 * One event Embark writes about its own step (see embarkEvent), validated
 * like appendTraceEvents does, as the values of `TRACE_EVENT_COLUMNS`: for a
 * statement that writes it together with the change it describes
 * (`INSERT INTO trace_events (…) SELECT <values> FROM <cte>`). Embark's own
 * events move no job to Running and name no run, so this is all
 * appendTraceEvents would write for it.
 */
export function embarkEventSql(event: TTraceEventInput, now: Date): Prisma.Sql {
  const e = ZTraceEventInput.parse(event);
  if (e.source !== "embark") throw new Error(`embarkEventSql writes Embark's own events, not ${e.source}'s`);
  const occurredAt = e.occurred_at ? new Date(e.occurred_at) : now;
  return Prisma.sql`${e.trace_id}::text, ${e.job_id ?? null}::text, ${e.stage}::text, ${e.status}::text, ${e.message ?? null}::text,
    ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb, ${e.source}::text,
    ${utcTimestamp(occurredAt)}, ${utcTimestamp(now)}`;
}

const RUN_URL = /^https?:\/\/\S+\/actions\/runs\/(\d+)\/?$/;

/**
 * GitHub may accept a dispatch without saying which run it started (a 204);
 * the run then names itself in its trace events (`data.run_url`), and the job
 * learns its run from the first of them.
 */
async function learnRunUrls(db: TDbOrTx, events: ReturnType<typeof ZTraceEventInput.parse>[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const e of events) {
    const url = e.data?.run_url;
    if (e.job_id && e.source !== "embark" && typeof url === "string" && RUN_URL.test(url)) seen.set(e.job_id, url);
  }
  for (const [jobId, url] of seen) {
    await db.provisionJob.updateMany({
      where: { id: jobId, dispatchRunUrl: null, dispatchMode: "github" },
      data: { dispatchRunUrl: url, dispatchRunId: RUN_URL.exec(url)![1] },
    });
  }
}

/**
 * An event Embark writes about its own step. Its message may quote what a
 * caller sent (a failure message up to the callback's own limit), so it is cut
 * to the trace's limit here rather than failing the change it records.
 */
export function embarkEvent(
  e: Omit<TTraceEventInput, "source" | "occurred_at"> & { occurred_at?: string },
): TTraceEventInput {
  const message = e.message === undefined ? undefined : truncateText(e.message, TRACE_MESSAGE_MAX);
  return { ...e, ...(message === undefined ? {} : { message }), source: "embark" };
}
