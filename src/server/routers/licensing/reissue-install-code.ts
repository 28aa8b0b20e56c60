import { reissueInstallCode } from "@/server/services/licensing/reissue-install-code";
import { ZReissueRequest, ZReissueResponse } from "@/server/services/licensing/reissue.types";
import { auditActorOf } from "@/server/trpc/principal";
import { internalProcedure } from "@/server/trpc/procedures";

export const reissueInstallCodeRoute = internalProcedure("license:admin")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/license/install-codes/reissue",
      tags: ["licensing"],
      summary: "Reissue an install code",
      description:
        "Revokes the tenant's open codes and mints a fresh one for the same tenant (with its active entitlement when paid), a new ISO link and a new email. Give `tenant_id` or `email`.",
      protect: true,
    },
  })
  .input(ZReissueRequest)
  .output(ZReissueResponse)
  .mutation(({ ctx, input }) =>
    reissueInstallCode({ tenantId: input.tenant_id, email: input.email, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
