import { router } from "@/server/trpc/init";
import { getFunnelStatsRoute } from "./get-funnel-stats";
import { ingestFunnelEventsRoute } from "./ingest-funnel-events";
import { listFunnelEventsRoute } from "./list-funnel-events";

export const funnelRouter = router({
  ingest: ingestFunnelEventsRoute,
  list: listFunnelEventsRoute,
  stats: getFunnelStatsRoute,
});
