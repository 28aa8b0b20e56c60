import { router } from "@/server/trpc/init";
import { getTraceRoute } from "./get-trace";
import { recordTraceEventsRoute } from "./record-trace-events";

export const traceRouter = router({
  record: recordTraceEventsRoute,
  get: getTraceRoute,
});
