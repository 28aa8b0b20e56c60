import type { OpenApiRouter } from "trpc-to-openapi";
import { createContext, requestIdFrom } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
import { errorResponse } from "./error-response";
import { readBodyCapped } from "./read-body-capped";
import { createOpenApiFetchAdapter } from "./openapi-fetch-adapter";
import { reshapeAdapterError } from "./reshape-error";
import { buildRouteTable, matchRoute, type TRestRoute } from "./route-table";

/** Bodies above this are refused. */
const MAX_BODY_BYTES = 1024 * 1024;
/** JSON, or a JSON-based type such as `application/merge-patch+json`. */
const JSON_CONTENT_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * The headers the adapter should see for a request's body, or a 415 message.
 * An action without a body needs no content-type; a body must be JSON.
 */
function bodyHeaders(req: Request, rawBody: string): { headers?: Headers; unsupported?: string } {
  if (req.method === "GET" || req.method === "DELETE" || req.method === "HEAD") return {};
  const contentType = req.headers.get("content-type");
  if (contentType === null ? rawBody.trim() !== "" : !JSON_CONTENT_TYPE.test(contentType)) {
    return {
      unsupported:
        contentType === null
          ? "The request has a body but no content-type; send it as application/json"
          : `Unsupported content-type "${contentType}"; send the body as application/json`,
    };
  }
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/json");
  return { headers };
}

/**
 * A handler serving a router's procedures at exactly the paths their
 * `meta.openapi` declares (`/v1/...`, `/internal/...`, `/api/v1/...`). Every
 * error, including unknown routes and bad bodies, is `{ error: { code, message, details? } }`.
 */
export function createRestHandler(router: OpenApiRouter): (req: Request) => Promise<Response> {
  let routes: TRestRoute[] | undefined;
  let successStatus: Map<string, number | undefined> | undefined;
  const adapter = createOpenApiFetchAdapter({
    router,
    createContext: (req, { requestId }) => createContext({ headers: req.headers, requestId }),
    responseMeta: ({ paths, errors }) => {
      const status = paths?.[0] ? successStatus?.get(paths[0]) : undefined;
      return errors.length === 0 && status ? { status } : {};
    },
  });
  return async (req) => {
    routes ??= buildRouteTable(router);
    successStatus ??= new Map(routes.map((r) => [r.procedurePath, r.successStatus]));
    const requestId = requestIdFrom(req.headers);
    const base = { "x-request-id": requestId };
    const { pathname } = new URL(req.url);
    const match = matchRoute(routes, req.method, pathname);
    if (match.kind === "none") {
      return errorResponse({ status: 404, code: "NOT_FOUND", message: `No route for ${req.method} ${pathname}`, headers: base });
    }
    if (match.kind === "wrongMethod") {
      return errorResponse({
        status: 405,
        code: "METHOD_NOT_ALLOWED",
        message: `${req.method} is not allowed here`,
        details: { allowed: match.allowed },
        headers: { ...base, allow: match.allowed.join(", ") },
      });
    }
    const rawBody =
      Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES ? null : await readBodyCapped(req, MAX_BODY_BYTES);
    if (rawBody === null) {
      return errorResponse({
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
        message: `The request body exceeds ${MAX_BODY_BYTES} bytes`,
        headers: base,
      });
    }
    const { headers, unsupported } = bodyHeaders(req, rawBody);
    if (unsupported) {
      return errorResponse({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: unsupported, headers: base });
    }
    const res = await adapter(req, { requestId, rawBody, headers });
    if (res.status < 400) {
      res.headers.set("x-request-id", requestId);
      res.headers.set("cache-control", "no-store");
      return res;
    }
    const { status, body } = reshapeAdapterError(res.status, await res.text());
    const retryAfter = (body.error.details as { retry_after_seconds?: unknown } | undefined)?.retry_after_seconds;
    const errorHeaders = (status === 429 || status === 503) && typeof retryAfter === "number" ? { ...base, "retry-after": String(retryAfter) } : base;
    return errorResponse({ status, code: body.error.code, message: body.error.message, details: body.error.details, headers: errorHeaders });
  };
}

/** The REST surface of the whole API. */
export const handleRestRequest = createRestHandler(appRouter);
