import { getPortalDomainForOps, ZPortalDomainForOps } from "@/server/services/portal-domains/get-portal-domain-for-ops";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZPortalDomainIdInput } from "./portal-domains.types";

export const getPortalDomainForOpsRoute = operatorProcedure("viewer")
  .input(ZPortalDomainIdInput)
  .output(ZPortalDomainForOps)
  .query(({ input }) => getPortalDomainForOps({ id: input.id }));
