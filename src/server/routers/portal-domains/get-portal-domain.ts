import { getPortalDomain } from "@/server/services/portal-domains/get-portal-domain";
import { ZPortalDomain } from "@/server/services/portal-domains/portal-domain-view";
import { userProcedure } from "@/server/trpc/procedures";
import { ZPortalDomainIdInput } from "./portal-domains.types";
import { portalDomainViewerOf } from "./viewer";

export const getPortalDomainRoute = userProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/v1/portal-domains/{id}",
      tags: ["portal-domains"],
      summary: "A portal domain and its status",
      protect: true,
    },
  })
  .input(ZPortalDomainIdInput)
  .output(ZPortalDomain)
  .query(({ ctx, input }) => getPortalDomain({ id: input.id, viewer: portalDomainViewerOf(ctx.principal) }));
