import { listMyPortalDomains, ZMyPortalDomains } from "@/server/services/portal-domains/list-my-portal-domains";
import { customerProcedure } from "@/server/trpc/procedures";

/** For the settings page: the signed-in user's tenants with their domains. Keys have no tenants of their own. */
export const listMinePortalDomainsRoute = customerProcedure("portal-domains:read")
  .output(ZMyPortalDomains)
  .query(({ ctx }) => (ctx.principal.kind === "user" ? listMyPortalDomains({ userId: ctx.principal.user.id }) : []));
