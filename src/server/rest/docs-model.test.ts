import { describe, expect, it } from "vitest";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { internalProcedure, publicProcedure } from "@/server/trpc/procedures";
import { buildDocsModel, type TOpenApiLike } from "./docs-model";
import { buildOpenApiDocument } from "./openapi-document";

const ZStage = z.object({ name: z.string(), status: z.enum(["pending", "succeeded"]) });
const testRouter = router({
  getJob: publicProcedure
    .meta({ openapi: { method: "GET", path: "/v1/jobs/{job_id}", tags: ["jobs"], summary: "Get a job", protect: false } })
    .input(z.object({ job_id: z.string().meta({ description: "The `job_...` id" }) }))
    .output(
      z
        .object({
          job_id: z.string(),
          finished_at: z.string().nullable(),
          stages: z.array(ZStage),
          outputs: z.object({ ip: z.string().optional() }).nullable(),
        })
        .meta({ id: "Job" }),
    )
    .query(() => ({ job_id: "j", finished_at: null, stages: [], outputs: null })),
  createTenant: internalProcedure("license:admin")
    .meta({ openapi: { method: "POST", path: "/internal/tenants", tags: ["licensing"] }, successStatus: 202 })
    .input(z.object({ company_name: z.string(), edition: z.enum(["essentials", "pro"]).optional() }))
    .output(z.object({ tenant_id: z.uuid() }))
    .mutation(() => ({ tenant_id: "00000000-0000-4000-8000-000000000000" })),
});

const model = buildDocsModel(
  buildOpenApiDocument({ router: testRouter, baseUrl: "http://x.test", version: "9" }) as unknown as TOpenApiLike,
);

describe("buildDocsModel", () => {
  it("groups operations by tag, with the health route under system", () => {
    expect(model.groups.map((g) => [g.tag, g.operations.map((o) => `${o.method} ${o.path}`)])).toEqual([
      ["jobs", ["GET /v1/jobs/{job_id}"]],
      ["licensing", ["POST /internal/tenants"]],
      ["system", ["GET /api/health"]],
    ]);
    expect(model).toMatchObject({ title: "Embark", version: "9", baseUrl: "http://x.test" });
  });

  it("describes path parameters and nested response fields", () => {
    const op = model.groups[0]!.operations[0]!;
    expect(op).toMatchObject({ summary: "Get a job", protected: false, body: null });
    expect(op.parameters).toEqual([
      { name: "job_id", in: "path", type: "string", required: true, description: "The `job_...` id", depth: 0 },
    ]);
    const ok = op.responses.find((r) => r.status === "200")!;
    expect(ok.schemaName).toBe("Job");
    expect(ok.fields.map((f) => [f.name, f.type, f.required, f.depth])).toEqual([
      ["job_id", "string", true, 0],
      ["finished_at", "string | null", true, 0],
      ["stages", "object[]", true, 0],
      ["stages[].name", "string", true, 1],
      ["stages[].status", '"pending" | "succeeded"', true, 1],
      ["outputs", "object | null", true, 0],
      ["outputs.ip", "string", false, 1],
    ]);
  });

  it("describes request bodies, success status, auth and errors", () => {
    const op = model.groups[1]!.operations[0]!;
    expect(op.protected).toBe(true);
    expect(op.body?.map((f) => [f.name, f.type, f.required])).toEqual([
      ["company_name", "string", true],
      ["edition", '"essentials" | "pro"', false],
    ]);
    expect(op.responses.map((r) => r.status)).toContain("202");
    const unauthorized = op.responses.find((r) => r.status === "401")!;
    expect(unauthorized.fields.map((f) => f.name)).toEqual(["error", "error.code", "error.message", "error.details"]);
  });
});
