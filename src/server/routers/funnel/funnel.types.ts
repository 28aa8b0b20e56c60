import { z } from "zod";
import { ZEmailFingerprint, ZFunnelEventInput, ZFunnelSessionId, ZFunnelSource } from "@/server/services/funnel/funnel-event";
import { ZTraceId } from "@/server/services/trace/trace-event";

/**
 * A batch from one source. Each event is checked on its own (a bad one is
 * rejected by index), so the array takes anything and the service parses it;
 * FunnelEventInput is named in the union for the OpenAPI document, after the
 * catch-all so an event is not parsed twice.
 */
export const ZIngestFunnelEventsRequest = z
  .strictObject({
    source: ZFunnelSource,
    events: z
      .array(z.union([z.unknown(), ZFunnelEventInput]))
      .min(1, "events must hold at least one event")
      .meta({ description: "Up to 500 events and 1 MiB; more is 413 and nothing is stored" }),
  })
  .meta({ id: "FunnelIngestRequest" });

export const ZListFunnelEventsQuery = z
  .strictObject({
    trace_id: ZTraceId.optional(),
    session_id: ZFunnelSessionId.optional(),
    email_fingerprint: ZEmailFingerprint.optional(),
    from: z.iso.datetime({ offset: true }).optional().meta({ description: "occurred_at at or after (ISO 8601)" }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: "occurred_at before (ISO 8601)" }),
    after: z
      .string()
      .regex(/^\d{1,19}$/, "after must be the id of a listed event")
      .optional()
      .meta({ description: "The id of the last event of the previous page" }),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => Boolean(q.trace_id || q.session_id || q.email_fingerprint || q.from || q.to), {
    message: "Give trace_id, session_id, email_fingerprint or a time range (from/to)",
  });
