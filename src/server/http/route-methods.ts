import { errorResponse } from "@/server/rest/error-response";

type THandler = (req: Request) => Response | Promise<Response>;
type TRouteHandler = (req: Request) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type TMethod = (typeof METHODS)[number];

/**
 * A route's handlers for every method Next.js routes: the given ones, and a
 * JSON 405 naming them for the rest (Next's own 405 has an empty body).
 * OPTIONS answers with the same `Allow`.
 */
export function routeMethods(handlers: Partial<Record<TMethod, THandler>>): Record<TMethod | "OPTIONS", TRouteHandler> {
  const served = METHODS.filter((m) => handlers[m]);
  const allow = [...served, ...(handlers.GET ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: THandler = (req) =>
    errorResponse({
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      message: `${req.method} is not allowed here`,
      details: { allowed: served },
      headers: { allow },
    });
  const all = Object.fromEntries(
    METHODS.map((m) => {
      const handler = handlers[m] ?? notAllowed;
      return [m, async (req: Request) => handler(req)];
    }),
  ) as Record<TMethod, TRouteHandler>;
  return { ...all, OPTIONS: async () => new Response(null, { status: 204, headers: { allow } }) };
}
