import { disablePortalDomain } from "@/server/services/portal-domains/disable-portal-domain";
import { ZPortalDomain } from "@/server/services/portal-domains/portal-domain-view";
import { customerProcedure } from "@/server/trpc/procedures";
import { ZPortalDomainIdInput } from "./portal-domains.types";
import { portalDomainWriterOf } from "./viewer";

export const disablePortalDomainRoute = customerProcedure("portal-domains:write")
  .meta({
    openapi: {
      method: "DELETE",
      path: "/v1/portal-domains/{id}",
      tags: ["portal-domains"],
      summary: "Disable a portal domain",
      description: "Frees the tenant's slot and the name at once; a background job deletes its cluster resources and manifest snapshots. Signed-in users may disable the domains of tenants they created; an operator needs the operator role (a viewer is 403). An API key needs the `portal-domains:write` scope.",
      protect: true,
    },
  })
  .input(ZPortalDomainIdInput)
  .output(ZPortalDomain)
  .mutation(({ ctx, input }) => disablePortalDomain({ id: input.id, viewer: portalDomainWriterOf(ctx.principal) }));
