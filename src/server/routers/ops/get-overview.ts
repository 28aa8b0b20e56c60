import { getOverview } from "@/server/services/ops/get-overview";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZOverview } from "./ops.types";

export const getOverviewRoute = operatorProcedure("viewer")
  .output(ZOverview)
  .query(() => getOverview());
