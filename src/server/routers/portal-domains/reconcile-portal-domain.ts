import { requestPortalDomainReconcile } from "@/server/services/portal-domains/request-portal-domain-reconcile";
import { internalProcedure } from "@/server/trpc/procedures";
import { ZPortalDomainIdInput, ZReconcileResponse } from "./portal-domains.types";

export const reconcilePortalDomainRoute = internalProcedure("portal-domains:reconcile")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/portal-domains/{id}/reconcile",
      tags: ["internal"],
      summary: "Force a portal domain's reconciliation",
      description: "Queues a pass now; passes of one domain run one after the other.",
      protect: true,
    },
    successStatus: 202,
  })
  .input(ZPortalDomainIdInput)
  .output(ZReconcileResponse)
  .mutation(({ input }) => requestPortalDomainReconcile({ id: input.id }));
