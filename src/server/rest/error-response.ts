import { errorBody } from "@/server/errors";

/** A JSON error answer in the shape every Embark endpoint uses. */
export function errorResponse(opts: {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}): Response {
  return Response.json(errorBody(opts.code, opts.message, opts.details), {
    status: opts.status,
    headers: { "cache-control": "no-store", ...opts.headers },
  });
}
