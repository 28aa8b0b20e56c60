import { hasOperatorRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import type { TPortalDomainViewer } from "@/server/services/portal-domains/portal-domain-access";
import type { TAuthenticatedPrincipal } from "@/server/trpc/principal";

/** A signed-in user who is not an operator is limited to the tenants they created; keys and operators see all. */
export function portalDomainViewerOf(principal: TAuthenticatedPrincipal): TPortalDomainViewer {
  return principal.kind === "user" && !hasOperatorRole(principal.user.role, "viewer") ? { userId: principal.user.id } : undefined;
}

/**
 * Who may add or disable a domain: as for reading, except that the viewer
 * role only reads (FORBIDDEN), as on the /cp domain page.
 */
export function portalDomainWriterOf(principal: TAuthenticatedPrincipal): TPortalDomainViewer {
  if (principal.kind === "user" && hasOperatorRole(principal.user.role, "viewer") && !hasOperatorRole(principal.user.role, "operator")) {
    throw new AppError("FORBIDDEN", { message: "This needs the operator role" });
  }
  return portalDomainViewerOf(principal);
}
