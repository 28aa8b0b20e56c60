import { router } from "@/server/trpc/init";
import { findTracesRoute } from "./find-traces";
import { getTraceRoute } from "./get-trace";
import { getTraceTimelineRoute } from "./get-trace-timeline";
import { recordTraceEventsRoute } from "./record-trace-events";

export const traceRouter = router({
  record: recordTraceEventsRoute,
  get: getTraceRoute,
  find: findTracesRoute,
  timeline: getTraceTimelineRoute,
});
