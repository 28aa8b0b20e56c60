import { errorResponse } from "@/server/rest/error-response";
import { isAppError } from "@/server/errors";
import { licenceJwks } from "./signing-keys";

/** GET /.well-known/jwks.json: the licence keys, cacheable for an hour (verifiers refetch when they meet an unknown `kid`). */
export async function handleJwksRequest(): Promise<Response> {
  try {
    return Response.json(await licenceJwks(), { headers: { "cache-control": "public, max-age=3600" } });
  } catch (err) {
    if (isAppError(err)) return errorResponse({ status: err.httpStatus, code: err.code, message: err.message });
    throw err;
  }
}
