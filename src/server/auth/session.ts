import { logger } from "@/server/logger";
import { getAuth } from "./auth";
import { OPERATOR_ROLES, type TUserRole } from "./roles";

/** The signed-in person behind a request, as the rest of the server sees it. */
export type TSessionUser = { id: string; email: string; name: string; role: TUserRole };

const KNOWN_ROLES: readonly string[] = ["user", ...OPERATOR_ROLES];

/**
 * Resolves the better-auth session carried by the request's cookies.
 * Returns null when there is none or it expired.
 */
export async function getSessionUser(headers: Headers): Promise<TSessionUser | null> {
  const found = await getAuth().api.getSession({ headers });
  if (!found) return null;
  const { id, email, name, role } = found.user;
  if (typeof role !== "string" || !KNOWN_ROLES.includes(role)) {
    // An unknown role grants nothing rather than guessing at a level.
    logger.warn({ userId: id }, "session user has an unknown role; treated as signed out");
    return null;
  }
  return { id, email, name, role: role as TUserRole };
}
