import { z } from "zod";
import { jsonObject } from "@/server/validation/json-object";
import { text } from "@/server/validation/text";
import { isoTimestamp } from "@/server/validation/timestamp";

export const TRACE_STATUSES = ["started", "succeeded", "failed", "skipped", "info"] as const;
export const ZTraceStatus = z.enum(TRACE_STATUSES);

export const ZTraceId = z.string().regex(/^trace_[A-Za-z0-9_-]{6,80}$/, "trace_id must look like trace_<id>");
export const ZProvisionJobId = z.string().regex(/^job_[A-Za-z0-9_-]{6,80}$/, "job_id must look like job_<id>");

/** The longest trace event message; Embark's own events are cut to fit (see embarkEvent). */
export const TRACE_MESSAGE_MAX = 2000;
/** The longest trace event source. */
export const TRACE_SOURCE_MAX = 64;

/** One event as callers post it (the workflow, the local runner, Embark itself). */
export const ZTraceEventInput = z.strictObject({
  trace_id: ZTraceId,
  job_id: ZProvisionJobId.optional(),
  stage: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.:-]{0,63}$/, "stage must be a short lowercase name like ansible or zuplo_sync"),
  status: ZTraceStatus,
  message: text().max(TRACE_MESSAGE_MAX).optional(),
  data: jsonObject().optional(),
  source: text().trim().min(1).max(TRACE_SOURCE_MAX).default("external"),
  occurred_at: isoTimestamp().optional(),
});
export type TTraceEventInput = z.input<typeof ZTraceEventInput>;

/** An event as stored and listed. */
export const ZTraceEvent = z.object({
  id: z.string(),
  trace_id: z.string(),
  job_id: z.string().nullable(),
  stage: z.string(),
  status: ZTraceStatus,
  message: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  source: z.string(),
  occurred_at: z.date(),
});
export type TTraceEvent = z.infer<typeof ZTraceEvent>;

type TRow = {
  id: bigint;
  traceId: string;
  jobId: string | null;
  stage: string;
  status: string;
  message: string | null;
  data: unknown;
  source: string;
  occurredAt: Date;
};

export const TRACE_EVENT_SELECT = {
  id: true,
  traceId: true,
  jobId: true,
  stage: true,
  status: true,
  message: true,
  data: true,
  source: true,
  occurredAt: true,
} as const;

export function toTraceEvent(row: TRow): TTraceEvent {
  return {
    id: row.id.toString(),
    trace_id: row.traceId,
    job_id: row.jobId,
    stage: row.stage,
    status: row.status as TTraceEvent["status"],
    message: row.message,
    data: (row.data as Record<string, unknown> | null) ?? null,
    source: row.source,
    occurred_at: row.occurredAt,
  };
}
