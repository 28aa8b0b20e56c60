import type { Prisma } from "@/generated/prisma/client";
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
