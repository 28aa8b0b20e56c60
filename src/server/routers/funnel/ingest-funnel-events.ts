import { ingestFunnelEvents } from "@/server/services/funnel/ingest-funnel-events";
import { ZFunnelIngestResult } from "@/server/services/funnel/funnel-event";
import { internalProcedure } from "@/server/trpc/procedures";
import { ZIngestFunnelEventsRequest } from "./funnel.types";

export const ingestFunnelEventsRoute = internalProcedure("funnel:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/funnel-events/ingest",
      tags: ["funnel"],
      summary: "Ingest a batch of funnel events",
      description:
        "Up to 500 events and 1 MiB a batch (413 beyond, nothing stored). Each event is checked on its own: an invalid one is listed in `rejected` by index while the valid ones are stored. A resent `event_id` adds nothing (`duplicates`). Properties are scrubbed on the server: keys naming codes, passwords, secrets, tokens, JWTs, authorization or cookies are dropped at any depth, values that look like JWTs or bearer strings are dropped, and an email becomes its SHA-256 fingerprint.",
      protect: true,
    },
  })
  .input(ZIngestFunnelEventsRequest)
  .output(ZFunnelIngestResult)
  .mutation(({ input }) => ingestFunnelEvents({ source: input.source, events: input.events }));
