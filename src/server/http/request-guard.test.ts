import { describe, expect, it } from "vitest";
import { guardVerdict, isDecodablePath } from "./request-guard";

describe("guardVerdict", () => {
  it.each(["TRACE", "TRACK", "CONNECT", "PROPFIND", "MKCOL", "LOCK", "BREW"])("answers %s with a 405 naming the methods served", (method) => {
    expect(guardVerdict(method, "/v1/jobs")).toMatchObject({
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      headers: { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" },
    });
  });

  it.each(["/v1/jobs/%ZZ", "/internal/nodes/%C0%AF", "/api/v1/onboarding/%FF", "/x/%E2%82", "/%ED%A0%80", "/a%"])(
    "answers the undecodable path %s with a 400",
    (url) => {
      expect(guardVerdict("GET", url)).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    },
  );

  it.each(["/v1/../jobs", "/api/./health", "/internal/%2e%2e/x", "/v1/%2E/jobs", "/..", "/a/.%2e/b"])("answers the dot segments of %s with a 400", (url) => {
    expect(guardVerdict("GET", url)).toMatchObject({ status: 400, code: "BAD_REQUEST", message: expect.stringMatching(/segments/) });
  });

  it("lets ordinary requests through, whatever their query string", () => {
    expect(guardVerdict("GET", "/v1/jobs/..job/a...b/.well-known/jwks.json?x=/../")).toBeUndefined();
    expect(guardVerdict("GET", "/v1/jobs/job_abc%20def?q=%ZZ")).toBeUndefined();
    expect(guardVerdict("OPTIONS", "/")).toBeUndefined();
    expect(guardVerdict("GET", "http://host/%E2%82%AC")).toBeUndefined();
  });

  it.each(["garbage", "%ZZ", "", "[]", '["",{"children":5}]', "x".repeat(40_001)])(
    "answers the malformed router-state header %j with a 400",
    (header) => {
      expect(guardVerdict("GET", "/onboarding", header)).toMatchObject({ status: 400, code: "BAD_REQUEST" });
    },
  );

  it("lets a router-state header Next.js can read through, and refuses two of them", () => {
    expect(guardVerdict("GET", "/onboarding", encodeURIComponent('["",{"children":["onboarding",{}]}]'))).toBeUndefined();
    expect(guardVerdict("GET", "/onboarding", ['["",{}]', '["",{}]'])).toMatchObject({ status: 400 });
  });
});

describe("isDecodablePath", () => {
  it("accepts encoded UTF-8, including an encoded NUL", () => {
    expect(isDecodablePath("/a/%E2%82%AC/%F0%9F%98%80/%00")).toBe(true);
  });
});
