import { hasOperatorRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import type { TPrincipal } from "@/server/trpc/principal";
import { customerSessionView } from "@/server/services/onboarding/customer-view";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";

/**
 * Who may act on a session: the user it is for; operators (at least
 * `operatorRole`); service keys and the internal key. Others get NOT_FOUND,
 * so session ids cannot be probed.
 */
export function assertSessionAccess(
  principal: TPrincipal,
  session: { onboardingId: string; userId: string },
  operatorRole: "viewer" | "operator" = "viewer",
): void {
  if (principal.kind === "internal" || principal.kind === "apiKey") return;
  if (principal.kind === "user") {
    if (principal.user.id === session.userId || hasOperatorRole(principal.user.role, operatorRole)) return;
  }
  throw new AppError("NOT_FOUND", {
    message: `No onboarding session ${session.onboardingId}`,
    details: { onboardingId: session.onboardingId },
  });
}

/** A signed-in person without an operator role: someone signing up, not someone running Embark. */
export function isCustomer(principal: TPrincipal): boolean {
  return principal.kind === "user" && !hasOperatorRole(principal.user.role, "viewer");
}

/** The session as `principal` may read it: in plain words for customers, in full for operators and keys. */
export function sessionFor(principal: TPrincipal, session: TOnboardingSession): TOnboardingSession {
  return isCustomer(principal) ? customerSessionView(session) : session;
}
