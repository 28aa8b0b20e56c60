import { z } from "zod";
import { jsonObject } from "@/server/validation/json-object";
import { ZTraceId } from "@/server/services/trace/trace-event";

/** Most events a batch may carry; more is 413 and nothing is written. */
export const MAX_FUNNEL_BATCH_EVENTS = 500;
/** Largest batch body in bytes; more is 413 and nothing is written. */
export const MAX_FUNNEL_BATCH_BYTES = 1024 * 1024;
/** The source Embark's own milestones carry. */
export const EMBARK_FUNNEL_SOURCE = "embark";
/** The source the debug route stamps on what the wizard sends (set by the server, never by the browser). */
export const DEBUG_FUNNEL_SOURCE = "admin_web_onboarding_debug";

const NAME = /^[a-z][a-z0-9_.:-]{0,63}$/;

export const ZFunnelSource = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{1,63}$/, "source must be a short lowercase name like admin_web_onboarding_debug");
export const ZFunnelEventName = z.string().regex(NAME, "name must be a short lowercase name like code_sent");
export const ZFunnelSessionId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, "session_id may hold letters, digits and _.:- (at most 128)");
export const ZEmailFingerprint = z.string().regex(/^[0-9a-f]{64}$/, "email_fingerprint must be 64 lowercase hex digits (SHA-256)");

/** One event as a sender posts it. Checked one by one: a bad event is reported by index, the rest are kept. */
export const ZFunnelEventInput = z
  .strictObject({
    event_id: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,128}$/, "event_id must be 8-128 letters, digits or _.:- (a UUID is ideal)")
      .meta({ description: "The sender's id for the event; a resend with the same id adds nothing" }),
    name: ZFunnelEventName,
    step: ZFunnelEventName.optional().meta({ description: "The wizard step the event belongs to" }),
    session_id: ZFunnelSessionId.optional(),
    trace_id: ZTraceId.optional(),
    email: z.string().trim().max(320).pipe(z.email("email must be an email address")).optional().meta({ description: "Stored only as its SHA-256 fingerprint" }),
    email_fingerprint: ZEmailFingerprint.optional(),
    properties: jsonObject().optional().meta({ description: "Free-form; scrubbed before it is stored" }),
    occurred_at: z.iso.datetime({ offset: true }).optional().meta({ description: "Default: when it arrives" }),
  })
  .meta({ id: "FunnelEventInput" });
export type TFunnelEventInput = z.input<typeof ZFunnelEventInput>;

/** What one event's problem looks like in the ingest answer. */
export const ZFunnelRejection = z.object({ index: z.number().int(), error: z.string() });

export const ZFunnelIngestResult = z
  .object({
    accepted: z.number().int().meta({ description: "Events newly stored" }),
    duplicates: z.number().int().meta({ description: "Valid events whose event_id was already stored (or repeated in the batch)" }),
    rejected: z.array(ZFunnelRejection),
  })
  .meta({ id: "FunnelIngestResult" });
export type TFunnelIngestResult = z.infer<typeof ZFunnelIngestResult>;

/** An event as stored and listed. */
export const ZFunnelEvent = z
  .object({
    id: z.string().meta({ description: "Arrival order; pass the last one as `after` for the next page" }),
    event_id: z.string(),
    source: z.string(),
    name: z.string(),
    step: z.string().nullable(),
    session_id: z.string().nullable(),
    trace_id: z.string().nullable(),
    email_fingerprint: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
    occurred_at: z.date(),
    received_at: z.date(),
  })
  .meta({ id: "FunnelEvent" });
export type TFunnelEvent = z.infer<typeof ZFunnelEvent>;

export const FUNNEL_EVENT_SELECT = {
  id: true,
  eventId: true,
  source: true,
  name: true,
  step: true,
  sessionId: true,
  traceId: true,
  emailFingerprint: true,
  properties: true,
  occurredAt: true,
  receivedAt: true,
} as const;

/** A funnel_events row as selected by FUNNEL_EVENT_SELECT. */
export type TFunnelEventRow = {
  id: bigint;
  eventId: string;
  source: string;
  name: string;
  step: string | null;
  sessionId: string | null;
  traceId: string | null;
  emailFingerprint: string | null;
  properties: unknown;
  occurredAt: Date;
  receivedAt: Date;
};

export function toFunnelEvent(row: TFunnelEventRow): TFunnelEvent {
  return {
    id: row.id.toString(),
    event_id: row.eventId,
    source: row.source,
    name: row.name,
    step: row.step,
    session_id: row.sessionId,
    trace_id: row.traceId,
    email_fingerprint: row.emailFingerprint,
    properties: (row.properties as Record<string, unknown> | null) ?? {},
    occurred_at: row.occurredAt,
    received_at: row.receivedAt,
  };
}
