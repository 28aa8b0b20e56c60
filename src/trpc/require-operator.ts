import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { hasOperatorRole, type TOperatorRole } from "@/server/auth/roles";
import type { TSessionUser } from "@/server/auth/session";
import { currentSessionUser } from "./server";

/** Where a signed-out visitor of a /cp page is sent: sign-in, then back to the page. */
export async function signInPathForThisPage(): Promise<string> {
  const here = (await headers()).get("x-embark-path") ?? "/cp";
  return `/cp/sign-in?next=${encodeURIComponent(here.startsWith("/cp") ? here : "/cp")}`;
}

/**
 * The first call of every /cp page: the signed-in operator holding at least
 * `minRole`. Signed out, it redirects to sign-in; without the role, the page
 * is not found. Pages check for themselves because a partial render of a
 * navigation (an RSC request naming the layout as already shown) renders the
 * page without its layout.
 */
export async function requireOperator(minRole: TOperatorRole = "viewer"): Promise<TSessionUser> {
  const user = await currentSessionUser();
  if (!user) redirect(await signInPathForThisPage());
  if (!hasOperatorRole(user.role, minRole)) notFound();
  return user;
}
