import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { errorBody } from "@/server/errors";

/** better-auth's session cookie, with or without the `__Secure-` prefix. */
const SESSION_COOKIE = /(^|__Secure-)embark\.session_token$/;
/** The API prefixes; every answer under them is JSON, errors in the `{ error }` shape. */
const API_PREFIX = /^\/(v1|internal|api)(\/|$)/;
/** The same, in any letter case (Next.js routes paths case-sensitively). */
const API_PREFIX_ANY_CASE = new RegExp(API_PREFIX.source, "i");
/** Pages served under an API prefix, and the methods they answer. */
const API_PAGES = new Map([["/api/docs", ["GET", "HEAD"]]]);

function jsonError(status: number, code: string, message: string, headers?: Record<string, string>) {
  return NextResponse.json(errorBody(code, message), { status, headers: { "cache-control": "no-store", ...headers } });
}

/**
 * Gives every request an id (kept when the caller sent one) and tells the
 * dashboard layout which page was asked for, so a sign-in can return to it.
 * A dashboard request without any session cookie goes straight to sign-in
 * (layouts and pages render in parallel, so the layout's own check cannot stop
 * the page from starting); the layout still verifies the session itself.
 * A worker replica (EMBARK_ROLE=worker) answers only its health check.
 * Under the API prefixes a path Next.js would answer with its HTML 404 (another
 * letter case) or 405 (a page) gets a JSON error instead.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (env().EMBARK_ROLE === "worker" && pathname !== "/api/health") {
    return NextResponse.json(
      errorBody("NOT_FOUND", "This process runs background jobs only (EMBARK_ROLE=worker); send requests to a web replica."),
      { status: 404 },
    );
  }
  if (API_PREFIX_ANY_CASE.test(pathname) && !API_PREFIX.test(pathname)) {
    return jsonError(404, "NOT_FOUND", `No route for ${request.method} ${pathname} (paths are lowercase)`);
  }
  const pageMethods = API_PAGES.get(pathname.replace(/\/$/, ""));
  if (pageMethods && !pageMethods.includes(request.method)) {
    return jsonError(405, "METHOD_NOT_ALLOWED", `${request.method} is not allowed here`, { allow: pageMethods.join(", ") });
  }
  if (pathname.startsWith("/cp") && !pathname.startsWith("/cp/sign-in")) {
    const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
    if (!hasSession) {
      const signIn = new URL("/cp/sign-in", request.url);
      signIn.searchParams.set("next", pathname + search);
      return NextResponse.redirect(signIn);
    }
  }
  const headers = new Headers(request.headers);
  const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
  headers.set("x-request-id", requestId);
  headers.set("x-embark-path", pathname + search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
