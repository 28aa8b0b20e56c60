import type { TUserRole } from "./roles";

/** The signed-in person behind a request, as the rest of the server sees it. */
export type TSessionUser = { id: string; email: string; name: string; role: TUserRole };

/**
 * Resolves the better-auth session carried by the request's cookies.
 * Returns null when there is none or it expired.
 */
export async function getSessionUser(headers: Headers): Promise<TSessionUser | null> {
  void headers;
  throw new Error("getSessionUser: not implemented yet");
}
