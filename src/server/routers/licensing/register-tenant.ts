import { ZRegisterTenantRequest, ZRegisterTenantResponse } from "@/server/services/licensing/licensing.types";
import { registerRegistryTenant } from "@/server/services/licensing/register-registry-tenant";
import { internalProcedure } from "@/server/trpc/procedures";

export const registerTenantRoute = internalProcedure("license:admin")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/license/register-tenant",
      tags: ["licensing"],
      summary: "Register an appliance tenant",
      description:
        "Creates the registry tenant (its tenant_id minted here). Essentials also gets its install code, the ISO download link and the install-code email in the same transaction; paid editions get theirs when the Stripe checkout is paid. Needs the internal key or a `license:admin` key.",
      protect: true,
    },
    successStatus: 201,
  })
  .input(ZRegisterTenantRequest)
  .output(ZRegisterTenantResponse)
  .mutation(({ input }) => registerRegistryTenant({ input }));
