import { getPortalDomain } from "@/server/services/portal-domains/get-portal-domain";
import { ZPortalDomain } from "@/server/services/portal-domains/portal-domain-view";
import { customerProcedure } from "@/server/trpc/procedures";
import { ZPortalDomainIdInput } from "./portal-domains.types";
import { portalDomainViewerOf } from "./viewer";

export const getPortalDomainRoute = customerProcedure("portal-domains:read")
  .meta({
    openapi: {
      method: "GET",
      path: "/v1/portal-domains/{id}",
      tags: ["portal-domains"],
      summary: "A portal domain and its status",
      description: "Signed-in users see the domains of tenants they created; operators and keys see every domain. An API key needs the `portal-domains:read` scope.",
      protect: true,
    },
  })
  .input(ZPortalDomainIdInput)
  .output(ZPortalDomain)
  .query(({ ctx, input }) => getPortalDomain({ id: input.id, viewer: portalDomainViewerOf(ctx.principal) }));
