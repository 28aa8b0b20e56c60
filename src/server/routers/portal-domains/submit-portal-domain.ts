import { submitPortalDomain } from "@/server/services/portal-domains/submit-portal-domain";
import { ZPortalDomain } from "@/server/services/portal-domains/portal-domain-view";
import { customerProcedure } from "@/server/trpc/procedures";
import { ZSubmitPortalDomainRequest } from "./portal-domains.types";
import { portalDomainWriterOf } from "./viewer";

export const submitPortalDomainRoute = customerProcedure("portal-domains:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/v1/tenants/{tenant_id}/portal-domains",
      tags: ["portal-domains"],
      summary: "Add a tenant's portal domain",
      description:
        "Validates and normalises the name, stores it and queues its reconciliation. The answer names the CNAME target to set. A tenant holds one domain at a time (409 until it is disabled); a name another tenant holds is 409. Signed-in users may add domains to tenants they created; an operator needs the operator role (a viewer is 403). An API key needs the `portal-domains:write` scope.",
      protect: true,
    },
    successStatus: 201,
  })
  .input(ZSubmitPortalDomainRequest)
  .output(ZPortalDomain)
  .mutation(({ ctx, input }) =>
    submitPortalDomain({
      tenantId: input.tenant_id,
      domain: input.domain,
      viewer: portalDomainWriterOf(ctx.principal),
      createdBy: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
    }),
  );
