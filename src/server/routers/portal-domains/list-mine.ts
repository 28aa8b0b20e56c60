import { listMyPortalDomains, ZMyPortalDomains } from "@/server/services/portal-domains/list-my-portal-domains";
import { userProcedure } from "@/server/trpc/procedures";

/** For the settings page: the signed-in user's tenants with their domains. Keys have no tenants of their own. */
export const listMinePortalDomainsRoute = userProcedure
  .output(ZMyPortalDomains)
  .query(({ ctx }) => (ctx.principal.kind === "user" ? listMyPortalDomains({ userId: ctx.principal.user.id }) : []));
