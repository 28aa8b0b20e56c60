import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { z } from "zod";
import { env } from "@/env";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import type { TApiKeyScope } from "@/server/services/api-keys/scopes";
import { router } from "@/server/trpc/init";
import { internalProcedure, publicProcedure } from "@/server/trpc/procedures";
import { createRestHandler, handleRestRequest } from "./handle-rest-request";

const BASE = "http://embark.test";
const actor = { id: "admin-1", label: "admin@example.com" };

async function newKey(...scopes: TApiKeyScope[]) {
  return createApiKey({ name: `test ${scopes.join(",")}`, scopes, actor });
}

async function whoami(authorization?: string) {
  const headers = new Headers(authorization ? { authorization } : {});
  const res = await handleRestRequest(new Request(`${BASE}/internal/whoami`, { headers }));
  return { status: res.status, res, body: (await res.json()) as Record<string, unknown> };
}

beforeEach(async () => {
  await resetDatabase({ jobs: false });
});

describe("GET /internal/whoami", () => {
  it("answers 401 in the error envelope without a key", async () => {
    const { status, res, body } = await whoami();
    expect(status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body).toEqual({ error: { code: "UNAUTHORIZED", message: "Authentication required" } });
  });

  it("answers 401 for a wrong key", async () => {
    const { status, body } = await whoami(`Bearer ${env().INTERNAL_API_KEY}x`);
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "UNAUTHORIZED", message: "The bearer token is not a valid key" } });
    expect((await whoami("Bearer emb_0000000000000000000000000000000000000000")).status).toBe(401);
  });

  it("identifies the internal key and echoes the request id", async () => {
    const res = await handleRestRequest(
      new Request(`${BASE}/internal/whoami`, {
        headers: { authorization: `Bearer ${env().INTERNAL_API_KEY}`, "x-request-id": "ci-run-7" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("ci-run-7");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ kind: "internal", id: null, name: "internal", role: null, scopes: ["*"], requestId: "ci-run-7" });
  });

  it("answers 403 for an API key without the route's scope", async () => {
    const { key } = await newKey("trace:write");
    const { status, body } = await whoami(`Bearer ${key}`);
    expect(status).toBe(403);
    expect(body).toEqual({
      error: { code: "FORBIDDEN", message: "This API key lacks the system:read scope", details: { requiredScope: "system:read" } },
    });
  });

  it("lets in a key holding the scope, and a * key", async () => {
    const scoped = await newKey("system:read");
    const star = await newKey("*");
    const a = await whoami(`Bearer ${scoped.key}`);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ kind: "apiKey", id: scoped.id, scopes: ["system:read"] });
    const b = await whoami(`Bearer ${star.key}`);
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ kind: "apiKey", id: star.id, name: star.name, scopes: ["*"] });
  });

  it("answers 401 once a key is revoked", async () => {
    const created = await newKey("*");
    expect((await whoami(`Bearer ${created.key}`)).status).toBe(200);
    await revokeApiKey({ id: created.id, actor });
    const { status, body } = await whoami(`Bearer ${created.key}`);
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "UNAUTHORIZED", message: "This API key has been revoked" } });
  });

  it("records when a key was last used", async () => {
    const created = await newKey("*");
    expect(created.lastUsedAt).toBeNull();
    await whoami(`Bearer ${created.key}`);
    await expect
      .poll(async () => (await db().apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt)
      .toBeInstanceOf(Date);
  });
});

describe("REST routing and errors", () => {
  it("answers an unknown path with a JSON 404", async () => {
    const res = await handleRestRequest(new Request(`${BASE}/internal/nope`));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route for GET /internal/nope" } });
  });

  it("answers a wrong method with a JSON 405 and Allow", async () => {
    const res = await handleRestRequest(new Request(`${BASE}/internal/whoami`, { method: "DELETE" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(await res.json()).toEqual({
      error: { code: "METHOD_NOT_ALLOWED", message: "DELETE is not allowed here", details: { allowed: ["GET"] } },
    });
  });

  describe("with body-taking routes", () => {
    const out = z.object({ id: z.string() });
    const handler = createRestHandler(
      router({
        create: internalProcedure("trace:write")
          .meta({ openapi: { method: "POST", path: "/internal/things" }, successStatus: 202 })
          .input(z.object({ name: z.string().min(3), count: z.number().int().optional() }))
          .output(out)
          .mutation(({ input }) => ({ id: `thing-${input.name}` })),
        taken: publicProcedure
          .meta({ openapi: { method: "POST", path: "/v1/taken" } })
          .input(z.object({}))
          .output(out)
          .mutation(() => {
            throw new AppError("CONFLICT", { message: "That slug is taken", details: { slug: "acme" } });
          }),
        find: publicProcedure
          .meta({ openapi: { method: "GET", path: "/api/v1/things/{id}" } })
          .input(z.object({ id: z.string(), limit: z.number().int().max(10) }))
          .output(z.object({ id: z.string(), limit: z.number() }))
          .query(({ input }) => input),
        touch: publicProcedure
          .meta({ openapi: { method: "POST", path: "/v1/touch" } })
          .input(z.object({ note: z.string().optional() }))
          .output(z.object({ note: z.string().nullable() }))
          .mutation(({ input }) => ({ note: input.note ?? null })),
        broken: publicProcedure
          .meta({ openapi: { method: "GET", path: "/api/v1/broken" } })
          .output(out)
          .query(() => {
            throw new Error(`failed with ${env().INTERNAL_API_KEY}`);
          }),
      }),
    );
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      handler(
        new Request(`${BASE}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${env().INTERNAL_API_KEY}`, "content-type": "application/json", ...headers },
          body,
        }),
      );

    it("answers with the procedure's success status", async () => {
      const res = await post("/internal/things", JSON.stringify({ name: "abc" }));
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ id: "thing-abc" });
    });

    it("answers malformed JSON with a JSON 400", async () => {
      const res = await post("/internal/things", '{"name": "abc"');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "BAD_REQUEST", message: "The request body is not valid JSON" } });
    });

    it("answers invalid input with 400 and the failing fields", async () => {
      const res = await post("/internal/things", JSON.stringify({ name: "a", count: 1.5 }));
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; details: { path: string }[] } };
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(body.error.message).toMatch(/^Input validation failed at name: .+ \(and 1 more\)$/);
      expect(body.error.details.map((d) => d.path)).toEqual(["name", "count"]);
    });

    it("answers a body that is not JSON with 415", async () => {
      const res = await post("/internal/things", "name=abc", { "content-type": "text/plain" });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
    });

    it("checks credentials before running the procedure", async () => {
      const res = await post("/internal/things", JSON.stringify({ name: "abc" }), { authorization: "Bearer nope" });
      expect(res.status).toBe(401);
    });

    it("reads path and query parameters, coercing numbers", async () => {
      const ok = await handler(new Request(`${BASE}/api/v1/things/t-9?limit=3`));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ id: "t-9", limit: 3 });
      const bad = await handler(new Request(`${BASE}/api/v1/things/t-9?limit=99`));
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", details: [{ path: "limit" }] } });
    });

    it("treats an empty JSON body as no input", async () => {
      const res = await post("/v1/touch", "");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ note: null });
    });

    it("refuses a body over 1 MiB, even without a content-length", async () => {
      const req = new Request(`${BASE}/internal/things`, {
        method: "POST",
        headers: { authorization: `Bearer ${env().INTERNAL_API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "x".repeat(1024 * 1024) }),
      });
      expect(req.headers.get("content-length")).toBeNull();
      const res = await handler(req);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    });

    it("answers a domain error with its status, code and details", async () => {
      const res = await post("/v1/taken", "{}");
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: { code: "CONFLICT", message: "That slug is taken", details: { slug: "acme" } } });
    });

    it("answers a crash with a generic 500 that leaks nothing", async () => {
      const res = await handler(new Request(`${BASE}/api/v1/broken`));
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Internal server error" } });
      expect(text).not.toContain(env().INTERNAL_API_KEY);
    });
  });
});
