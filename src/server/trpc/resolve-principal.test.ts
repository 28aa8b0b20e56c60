import { describe, expect, it } from "vitest";
import type { TSessionUser } from "@/server/auth/session";
import { bearerTokenOf, resolvePrincipal } from "./resolve-principal";

const operator: TSessionUser = { id: "u1", email: "op@example.com", name: "Op", role: "operator" };

describe("bearerTokenOf", () => {
  it("reads the token of a Bearer header, any case", () => {
    expect(bearerTokenOf(new Headers({ authorization: "Bearer abc.def" }))).toBe("abc.def");
    expect(bearerTokenOf(new Headers({ authorization: "bearer   abc" }))).toBe("abc");
  });

  it("is null without the header or for other schemes, empty when malformed", () => {
    expect(bearerTokenOf(new Headers())).toBeNull();
    expect(bearerTokenOf(new Headers({ authorization: "Basic dXNlcjpwdw==" }))).toBeNull();
    expect(bearerTokenOf(new Headers({ authorization: "Bearer a b" }))).toBe("");
    expect(bearerTokenOf(new Headers({ authorization: "Bearer" }))).toBe("");
  });
});

describe("resolvePrincipal", () => {
  const internalApiKey = "internal_Lk3Jh5Gf7Ds9Aq2We4Rt6Yu8Io0Pz1Xc";
  const noSession = async () => {
    throw new Error("the session must not be consulted");
  };

  it("recognises the internal key", async () => {
    const headers = new Headers({ authorization: `Bearer ${internalApiKey}` });
    expect(await resolvePrincipal({ headers, resolveSessionUser: noSession, internalApiKey })).toEqual({ principal: { kind: "internal" } });
  });

  it("refuses a key that is only a prefix of the internal key", async () => {
    const headers = new Headers({ authorization: `Bearer ${internalApiKey.slice(0, -1)}` });
    expect(await resolvePrincipal({ headers, resolveSessionUser: noSession, internalApiKey })).toEqual({
      principal: { kind: "anonymous" },
      credentialProblem: "invalid_token",
    });
  });

  it("prefers a bearer token over a session cookie", async () => {
    const headers = new Headers({ authorization: "Bearer not-a-key", cookie: "session=1" });
    const result = await resolvePrincipal({ headers, resolveSessionUser: noSession, internalApiKey });
    expect(result).toEqual({ principal: { kind: "anonymous" }, credentialProblem: "invalid_token" });
  });

  it("ignores a Basic header in front of a session", async () => {
    const headers = new Headers({ authorization: "Basic eA==", cookie: "session=1" });
    const result = await resolvePrincipal({ headers, resolveSessionUser: async () => operator, internalApiKey });
    expect(result).toEqual({ principal: { kind: "user", user: operator } });
  });

  it("asks for the session only when a cookie is sent", async () => {
    let asked = 0;
    const resolveSessionUser = async () => {
      asked += 1;
      return operator;
    };
    expect(await resolvePrincipal({ headers: new Headers(), resolveSessionUser, internalApiKey })).toEqual({
      principal: { kind: "anonymous" },
    });
    expect(asked).toBe(0);
    const withCookie = await resolvePrincipal({ headers: new Headers({ cookie: "s=1" }), resolveSessionUser, internalApiKey });
    expect(withCookie).toEqual({ principal: { kind: "user", user: operator } });
    expect(asked).toBe(1);
  });
});
