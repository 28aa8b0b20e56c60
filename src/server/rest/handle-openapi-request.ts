import { env } from "@/env";
import type { OpenAPIObject } from "trpc-to-openapi";
import { APP_VERSION } from "./app-version";
import { buildOpenApiDocument } from "./openapi-document";

let cached: OpenAPIObject | undefined;

/** The OpenAPI document, built once per process (the router does not change at runtime). */
export function openApiDocument(): OpenAPIObject {
  cached ??= buildOpenApiDocument({ baseUrl: env().EMBARK_PUBLIC_URL, version: APP_VERSION });
  return cached;
}

/** GET /api/openapi.json */
export function handleOpenApiRequest(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=60" } });
}
