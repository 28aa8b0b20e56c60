import { z } from "zod";
import { getTrace } from "@/server/services/trace/list-trace";
import { ZTraceEvent, ZTraceId } from "@/server/services/trace/trace-event";
import { internalProcedure } from "@/server/trpc/procedures";

export const getTraceRoute = internalProcedure("trace:read")
  .meta({
    openapi: {
      method: "GET",
      path: "/internal/trace/{trace_id}",
      tags: ["internal"],
      summary: "A trace's events, oldest first",
      protect: true,
    },
  })
  .input(z.object({ trace_id: ZTraceId }))
  .output(z.object({ trace_id: z.string(), events: z.array(ZTraceEvent) }))
  .query(async ({ input }) => ({ trace_id: input.trace_id, events: await getTrace({ traceId: input.trace_id }) }));
