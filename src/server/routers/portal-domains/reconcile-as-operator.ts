import { requestPortalDomainReconcile } from "@/server/services/portal-domains/request-portal-domain-reconcile";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZPortalDomainIdInput, ZReconcileResponse } from "./portal-domains.types";

/** The /cp button: the same forced reconciliation as POST /internal/portal-domains/{id}/reconcile. */
export const reconcileAsOperatorRoute = operatorProcedure("operator")
  .input(ZPortalDomainIdInput)
  .output(ZReconcileResponse)
  .mutation(({ input }) => requestPortalDomainReconcile({ id: input.id }));
