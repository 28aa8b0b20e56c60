import { describe, expect, it } from "vitest";
import { scopesAllow, ZApiKeyScope } from "./scopes";

describe("scopesAllow", () => {
  it("lets a key use routes of the scopes it holds", () => {
    expect(scopesAllow(["trace:write"], "trace:write")).toBe(true);
    expect(scopesAllow(["trace:read"], "trace:write")).toBe(false);
  });

  it("treats * as every scope, including routes that name none", () => {
    expect(scopesAllow(["*"], "license:admin")).toBe(true);
    expect(scopesAllow(["*"], undefined)).toBe(true);
    expect(scopesAllow(["trace:write"], undefined)).toBe(false);
  });

  it("rejects unknown scopes at the input boundary", () => {
    expect(ZApiKeyScope.safeParse("trace:write").success).toBe(true);
    expect(ZApiKeyScope.safeParse("admin").success).toBe(false);
  });
});
