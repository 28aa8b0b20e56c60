import { z } from "zod";
import { buildTraceTimeline } from "@/server/services/trace/build-trace-timeline";
import { ZTimelineEntry } from "@/server/services/trace/trace-timeline.types";
import { ZTraceId } from "@/server/services/trace/trace-event";
import { operatorProcedure } from "@/server/trpc/procedures";

/** Everything that shares a trace id on one timeline, for /cp/trace. */
export const getTraceTimelineRoute = operatorProcedure("viewer")
  .input(z.object({ trace_id: ZTraceId }))
  .output(z.array(ZTimelineEntry))
  .query(({ input }) => buildTraceTimeline({ traceId: input.trace_id }));
