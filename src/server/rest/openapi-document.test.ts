import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { buildOpenApiDocument } from "./openapi-document";

type TDoc = {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, { security?: unknown; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

const appDocument = () =>
  buildOpenApiDocument({ baseUrl: "https://embark.example.com", version: "1.2.3" }) as unknown as TDoc;

describe("buildOpenApiDocument", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = structuredClone(appDocument());
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    // The validator does reject a broken document, so the check above means something.
    const broken = structuredClone(doc) as Partial<TDoc>;
    delete broken.info;
    expect((await validate(broken as never)).valid).toBe(false);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe("Embark");
    expect(doc.info.version).toBe("1.2.3");
    expect(doc.servers).toEqual([{ url: "https://embark.example.com" }]);
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: { type: "http", scheme: "bearer", description: expect.any(String) },
    });
  });

  it("serves procedures at the paths they declare, protected by the bearer scheme", async () => {
    const doc = structuredClone(appDocument());
    const whoami = doc.paths["/internal/whoami"]?.get;
    expect(whoami?.security).toEqual([{ bearerAuth: [] }]);
    expect(whoami?.responses["200"]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Whoami" });
    expect(doc.paths["/api/health"]?.get).toBeDefined();
  });

  it("describes every error with the { error } envelope", async () => {
    const doc = structuredClone(appDocument());
    const errorRefs = Object.values(doc.paths).flatMap((item) =>
      Object.values(item).flatMap((op) =>
        Object.entries(op.responses)
          .filter(([status]) => Number(status) >= 400 && Number(status) !== 503)
          .map(([, r]) => r.content?.["application/json"]?.schema),
      ),
    );
    expect(errorRefs.length).toBeGreaterThan(0);
    expect(new Set(errorRefs.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ $ref: "#/components/schemas/Error" })]));
    expect(Object.keys(doc.components.schemas).filter((k) => k.startsWith("error."))).toEqual([]);
  });

  it("documents a procedure's success status instead of 200", async () => {
    const testRouter = router({
      accept: publicProcedure
        .meta({ openapi: { method: "POST", path: "/v1/things" }, successStatus: 202 })
        .input(z.object({ name: z.string() }))
        .output(z.object({ id: z.string() }))
        .mutation(() => ({ id: "t" })),
    });
    const doc = buildOpenApiDocument({ router: testRouter, baseUrl: "http://x.test", version: "1" }) as unknown as TDoc;
    const statuses = Object.keys(doc.paths["/v1/things"]!.post!.responses);
    expect(statuses).toContain("202");
    expect(statuses).not.toContain("200");
    expect((await validate(structuredClone(doc) as never)).valid).toBe(true);
  });
});
