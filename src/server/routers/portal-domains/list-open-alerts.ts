import { z } from "zod";
import { listOpenOpsAlerts } from "@/server/services/ops/ops-alerts";
import { ZOpsAlert } from "@/server/services/portal-domains/get-portal-domain-for-ops";
import { operatorProcedure } from "@/server/trpc/procedures";

/** Open ops alerts (stuck certificates), for the /cp overview. */
export const listOpenAlertsRoute = operatorProcedure("viewer")
  .output(z.array(ZOpsAlert))
  .query(() => listOpenOpsAlerts());
