import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/env";
import { errorBody } from "@/server/errors";

/**
 * Gives every request an id (kept when the caller sent one) and tells the
 * dashboard layout which page was asked for, so a sign-in can return to it.
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
