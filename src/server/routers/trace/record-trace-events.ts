import { z } from "zod";
import { appendTraceEvents } from "@/server/services/trace/append-trace-events";
import { TRACE_SOURCE_MAX, ZTraceEventInput } from "@/server/services/trace/trace-event";
import { internalProcedure } from "@/server/trpc/procedures";
import { text } from "@/server/validation/text";

// Without defaults, so a batch body does not look like it also carries one event.
const single = ZTraceEventInput.omit({ source: true })
  .partial()
  .extend({ source: text().trim().min(1).max(TRACE_SOURCE_MAX).optional() });

/** One event (its fields at the top level) or a batch under `events`. */
export const ZRecordTraceEventsRequest = z
  .object({
    events: z.array(ZTraceEventInput).min(1).max(500).optional().meta({ description: "A batch of events" }),
    ...single.shape,
  })
  .superRefine((body, ctx) => {
    const { events, ...rest } = body;
    const hasSingle = Object.values(rest).some((v) => v !== undefined);
    if (events && hasSingle) {
      ctx.addIssue({ code: "custom", message: "Send either one event or `events`, not both", path: ["events"] });
      return;
    }
    if (events) return;
    const parsed = ZTraceEventInput.safeParse(rest);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom" });
  })
  .meta({ id: "TraceEventsRequest" });

export const recordTraceEventsRoute = internalProcedure("trace:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/trace-events",
      tags: ["internal"],
      summary: "Record trace events",
      description: "One event, or a batch of up to 500 under `events`. The first event of a dispatched job from its workflow moves the job to Running.",
      protect: true,
    },
    successStatus: 202,
  })
  .input(ZRecordTraceEventsRequest)
  .output(z.object({ accepted: z.number().int() }))
  .mutation(({ input }) => {
    const { events, ...rest } = input;
    return appendTraceEvents({ events: events ?? [ZTraceEventInput.parse(rest)] });
  });
