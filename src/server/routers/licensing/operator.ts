import { z } from "zod";
import { listLicensingOverview } from "@/server/services/licensing/list-licensing-overview";
import { reissueInstallCode } from "@/server/services/licensing/reissue-install-code";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";

/** /cp/licensing: registry tenants, codes (state only), entitlements, appliances. */
export const licensingOverviewRoute = operatorProcedure("viewer").query(() => listLicensingOverview());

/**
 * An operator reissues a tenant's code from /cp: the customer gets it by
 * email; the operator sees only that it was sent (never the code). Audited.
 */
export const operatorReissueRoute = operatorProcedure("operator")
  .input(z.object({ tenant_id: z.uuid() }))
  .output(z.object({ tenant_id: z.uuid(), expires_at: z.string(), revoked_codes: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const done = await reissueInstallCode({ tenantId: input.tenant_id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId });
    return { tenant_id: done.tenant_id, expires_at: done.expires_at, revoked_codes: done.revoked_codes };
  });
