import { beforeEach, describe, expect, it } from "vitest";
import { operationsOf, type TOpenApiDoc } from "../../../test/support/bad-requests";
import { resetDatabase } from "../../../test/support/db";
import { handleHealthRequest } from "./check-health";
import { handleRestRequest } from "./handle-rest-request";
import { buildOpenApiDocument } from "./openapi-document";

const doc = buildOpenApiDocument({ baseUrl: "http://embark.test", version: "test" }) as unknown as TOpenApiDoc;

beforeEach(() => resetDatabase({ jobs: false }));

/** Calls an operation with no credentials at all. */
async function anonymous(method: string, path: string, query: string): Promise<number> {
  if (path === "/api/health") return (await handleHealthRequest()).status;
  const url = `http://embark.test${path.replace(/\{[^}]+\}/g, "x")}${query}`;
  const init: RequestInit = { method, headers: { "content-type": "application/json" } };
  if (method !== "GET" && method !== "DELETE") init.body = "{}";
  return (await handleRestRequest(new Request(url, init))).status;
}

describe("the OpenAPI document's security says what the code does", () => {
  it.each(operationsOf(doc).map((op) => [`${op.method} ${op.path}`, op] as const))("%s", async (_, op) => {
    const query = op.queryParams.length ? `?${op.queryParams.map((p) => `${p.name}=x`).join("&")}` : "";
    const status = await anonymous(op.method, op.path, query);
    if (op.secured) expect(status, "documented as needing credentials").toBe(401);
    else expect([401, 403], "documented as public").not.toContain(status);
  });

  it("lists the public operations", () => {
    expect(operationsOf(doc).filter((op) => !op.secured).map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining(["GET /v1/tenants/slug-availability", "GET /api/health"]),
    );
  });
});
