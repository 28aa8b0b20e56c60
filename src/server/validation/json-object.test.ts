import { describe, expect, it } from "vitest";
import { z } from "zod";
import { JSON_LIMITS, jsonObject, jsonProblem } from "./json-object";

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe("jsonObject()", () => {
  const schema = z.object({ data: jsonObject({ maxBytes: 200 }) });

  it("accepts ordinary JSON", () => {
    const data = { a: [1, "two", { three: null }], b: "🚀" };
    expect(schema.parse({ data })).toEqual({ data });
  });

  it("refuses nesting past the depth cap, without recursing into it", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`) as unknown;
    const result = z.object({ data: jsonObject({ maxBytes: 1e6 }) }).safeParse({ data: { deep } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe(`must not nest deeper than ${JSON_LIMITS.maxDepth} levels`);
    expect(result.error!.issues[0]!.path.slice(0, 2)).toEqual(["data", "deep"]);
  });

  it("allows exactly the depth cap", () => {
    expect(jsonProblem(nested(JSON_LIMITS.maxDepth - 1))).toBeUndefined();
    expect(jsonProblem(nested(JSON_LIMITS.maxDepth))).toMatchObject({ message: /deeper/ });
  });

  it("names the key or value that holds a NUL or an unpaired surrogate", () => {
    const bad = schema.safeParse({ data: { list: ["ok", "x\u0000"] } });
    expect(bad.error!.issues[0]).toMatchObject({ path: ["data", "list", 1], message: expect.stringMatching(/NUL/) });
    const badKey = schema.safeParse({ data: { nested: { "k\ud800": 1 } } });
    expect(badKey.error!.issues[0]).toMatchObject({ path: ["data", "nested", "k\ud800"], message: expect.stringMatching(/^key .*surrogate/) });
  });

  it("refuses more than maxBytes of JSON", () => {
    const result = schema.safeParse({ data: { s: "é".repeat(100) } });
    expect(result.error!.issues[0]).toMatchObject({ path: ["data"], message: "must be at most 200 bytes of JSON" });
  });
});
