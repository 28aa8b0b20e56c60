import { handleJwksRequest } from "@/server/services/licensing/jwks-route";

// jose signs and exports keys with node:crypto.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The public keys that verify licence JWTs, with their `kid`s. */
export function GET(): Promise<Response> {
  return handleJwksRequest();
}
