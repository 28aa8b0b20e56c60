import { NextResponse, type NextRequest } from "next/server";

/**
 * Gives every request an id (kept when the caller sent one) and tells the
 * dashboard layout which page was asked for, so a sign-in can return to it.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const requestId = headers.get("x-request-id") ?? crypto.randomUUID();
  headers.set("x-request-id", requestId);
  headers.set("x-embark-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
