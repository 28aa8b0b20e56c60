import { generateOpenApiDocument, normalizePath, type OpenAPIObject, type OpenApiRouter } from "trpc-to-openapi";
import { appRouter } from "@/server/trpc/root";
import { buildRouteTable } from "./route-table";

type TResponses = Record<string, { description?: string; content?: unknown }>;
type TOperation = { responses?: TResponses; security?: Record<string, string[]>[] };
type TSchema = NonNullable<NonNullable<OpenAPIObject["components"]>["schemas"]>[string];

const ERROR_SCHEMA: TSchema = {
  type: "object",
  description: "Every error answer has this shape.",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", examples: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"] },
        message: { type: "string" },
        details: { description: "For validation errors, the failing fields as `[{ path, message }]`." },
      },
    },
  },
};

const HEALTH_PATH = {
  get: {
    operationId: "health",
    summary: "Liveness and dependencies",
    description: "200 when the database answers and the job queue runs (or is disabled in this role); 503 otherwise.",
    tags: ["system"],
    security: [],
    responses: {
      "200": { description: "Healthy", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
      "503": { description: "Degraded", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
    },
  },
};

const HEALTH_SCHEMA: TSchema = {
  type: "object",
  required: ["status", "db", "queue", "version"],
  properties: {
    status: { type: "string", enum: ["ok", "degraded"] },
    db: { type: "string", enum: ["ok", "down"] },
    queue: { type: "string", enum: ["ok", "down", "disabled"] },
    version: { type: "string" },
  },
};

/**
 * The OpenAPI 3.1 document of the REST surface, derived from the procedures'
 * zod schemas. Error answers are described with our `{ error }` envelope, and
 * success codes follow `meta.successStatus`.
 */
export function buildOpenApiDocument(opts: { baseUrl: string; version: string; router?: OpenApiRouter }): OpenAPIObject {
  const router = opts.router ?? appRouter;
  const doc = generateOpenApiDocument(router, {
    title: "Embark",
    description:
      "Tenant onboarding and provisioning control plane. Service callers send `Authorization: Bearer <key>` " +
      "with an API key (`emb_...`) holding the route's scope, or the internal key; public `/v1` routes also " +
      "accept a signed-in browser session.",
    version: opts.version,
    baseUrl: opts.baseUrl,
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "API key or internal key" } },
    paths: { "/api/health": HEALTH_PATH },
  });
  const successByOperation = new Map(
    buildRouteTable(router).map((r) => [`${r.method.toLowerCase()} ${normalizePath(r.path)}`, r.successStatus]),
  );
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, TOperation>)) {
      if (!op?.responses) continue;
      // An unprotected procedure takes no credentials; say so rather than leave it unsaid.
      op.security ??= [];
      const responses: TResponses = {};
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) {
          responses[status] = {
            description: response.description ?? "Error",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          };
        } else if (status === "200") {
          responses[String(successByOperation.get(`${method} ${normalizePath(path)}`) ?? 200)] = response;
        } else {
          responses[status] = response;
        }
      }
      op.responses = responses;
    }
  }
  const schemas = Object.fromEntries(
    Object.entries(doc.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")),
  );
  doc.components = { ...doc.components, schemas: { ...schemas, Error: ERROR_SCHEMA, Health: HEALTH_SCHEMA } };
  return doc;
}
