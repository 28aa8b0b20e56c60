import { z } from "zod";
import { listFunnelEvents } from "@/server/services/funnel/list-funnel-events";
import { ZFunnelEvent } from "@/server/services/funnel/funnel-event";
import { internalProcedure } from "@/server/trpc/procedures";
import { ZListFunnelEventsQuery } from "./funnel.types";

export const listFunnelEventsRoute = internalProcedure("funnel:read")
  .meta({
    openapi: {
      method: "GET",
      path: "/internal/funnel-events",
      tags: ["funnel"],
      summary: "Funnel events by trace, session or time, oldest first",
      description:
        "Filter by `trace_id`, `session_id`, `email_fingerprint` and/or `from`/`to`; at most `limit` (default 100, up to 1000) events, oldest first. For the next page pass the last event's `id` as `after`; a page shorter than `limit` is the last. An unknown trace is `200 []`.",
      protect: true,
    },
  })
  .input(ZListFunnelEventsQuery)
  .output(z.array(ZFunnelEvent).meta({ id: "FunnelEvents" }))
  .query(({ input }) =>
    listFunnelEvents({
      traceId: input.trace_id,
      sessionId: input.session_id,
      emailFingerprint: input.email_fingerprint,
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
      after: input.after,
      limit: input.limit,
    }),
  );
