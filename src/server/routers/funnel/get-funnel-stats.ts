import { getFunnelStats } from "@/server/services/funnel/get-funnel-stats";
import { ZFunnelStats, ZFunnelStatsQuery } from "@/server/services/funnel/funnel-stats.types";
import { operatorProcedure } from "@/server/trpc/procedures";

/** Conversion, drop-off and step timings for /cp/funnel. */
export const getFunnelStatsRoute = operatorProcedure("viewer")
  .input(ZFunnelStatsQuery)
  .output(ZFunnelStats)
  .query(({ input }) => getFunnelStats(input));
