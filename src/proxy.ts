import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { errorBody } from "@/server/errors";

/** better-auth's session cookie, with or without the `__Secure-` prefix. */
const SESSION_COOKIE = /(^|__Secure-)embark\.session_token$/;

/**
 * Gives every request an id (kept when the caller sent one) and tells the
 * dashboard layout which page was asked for, so a sign-in can return to it.
 * A dashboard request without any session cookie goes straight to sign-in
 * (layouts and pages render in parallel, so the layout's own check cannot stop
 * the page from starting); the layout still verifies the session itself.
 * A worker replica (EMBARK_ROLE=worker) answers only its health check.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (env().EMBARK_ROLE === "worker" && pathname !== "/api/health") {
    return NextResponse.json(
      errorBody("NOT_FOUND", "This process runs background jobs only (EMBARK_ROLE=worker); send requests to a web replica."),
      { status: 404 },
    );
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
