import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import { APP_VERSION } from "./app-version";
import { handleOpenApiRequest } from "./handle-openapi-request";

describe("GET /api/openapi.json", () => {
  it("serves a valid document for this deployment", async () => {
    const res = handleOpenApiRequest();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as { info: { version: string }; servers: { url: string }[]; paths: Record<string, unknown> };
    expect(doc.info.version).toBe(APP_VERSION);
    expect(doc.servers).toEqual([{ url: env().EMBARK_PUBLIC_URL }]);
    expect(Object.keys(doc.paths)).toContain("/internal/whoami");
    const result = await validate(doc as never);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
  });
});
