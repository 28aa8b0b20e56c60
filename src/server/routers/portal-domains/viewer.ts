import { hasOperatorRole } from "@/server/auth/roles";
import type { TPortalDomainViewer } from "@/server/services/portal-domains/portal-domain-access";
import type { TAuthenticatedPrincipal } from "@/server/trpc/principal";

/** A signed-in user who is not an operator is limited to the tenants they created; keys and operators see all. */
export function portalDomainViewerOf(principal: TAuthenticatedPrincipal): TPortalDomainViewer {
  return principal.kind === "user" && !hasOperatorRole(principal.user.role, "viewer") ? { userId: principal.user.id } : undefined;
}
