import { describe, expect, it } from "vitest";
import { classifyGithubFailure, retryDelayMs, waitHintMs } from "./github-retry-policy";

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
const answered = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error("HttpError"), { status, response: { headers, data } });

describe("retryDelayMs", () => {
  it("doubles per attempt with jitter in the upper half, capped", () => {
    expect(retryDelayMs(1, policy, null, () => 0)).toBe(50);
    expect(retryDelayMs(3, policy, null, () => 1)).toBe(400);
    expect(retryDelayMs(10, policy, null, () => 1)).toBe(1_000);
  });

  it("waits at least GitHub's hint, but never past the cap", () => {
    expect(retryDelayMs(1, policy, 700, () => 0)).toBe(700);
    expect(retryDelayMs(1, policy, 60_000, () => 0)).toBe(1_000);
  });
});

describe("waitHintMs", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reads retry-after as seconds or as a date, and the rate-limit reset", () => {
    expect(waitHintMs({ "retry-after": "2" }, now)).toBe(2_000);
    expect(waitHintMs({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, now)).toBe(5_000);
    expect(waitHintMs({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 30) }, now)).toBe(30_000);
    expect(waitHintMs({ "x-ratelimit-remaining": "12", "x-ratelimit-reset": String(now / 1000 + 30) }, now)).toBeNull();
  });
});

describe("classifyGithubFailure", () => {
  it("tells refusals from server errors and rate limits", () => {
    expect(classifyGithubFailure(answered(422, { message: "Validation Failed", errors: [{ message: "bad ref" }] }))).toEqual({
      kind: "rejected",
      status: 422,
      githubMessage: "Validation Failed (bad ref)",
    });
    expect(classifyGithubFailure(answered(502, "<html>bad gateway</html>"))).toMatchObject({ kind: "transient", status: 502 });
    expect(classifyGithubFailure(answered(403, { message: "Resource not accessible by integration" }))).toMatchObject({ kind: "rejected" });
    expect(classifyGithubFailure(answered(403, { message: "x" }, { "x-ratelimit-remaining": "0" }))).toMatchObject({ kind: "transient" });
    expect(classifyGithubFailure(answered(403, { message: "You have exceeded a secondary rate limit" }))).toMatchObject({ kind: "transient" });
  });

  it("tells a request that never left from one that got no answer", () => {
    const refused = Object.assign(new Error("fetch failed"), { status: 500, cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
    expect(classifyGithubFailure(refused)).toMatchObject({ kind: "unsent" });
    const reset = Object.assign(new Error("fetch failed"), { status: 500, cause: Object.assign(new Error("other side closed"), { code: "ECONNRESET" }) });
    expect(classifyGithubFailure(reset)).toMatchObject({ kind: "unanswered" });
    expect(classifyGithubFailure(new DOMException("The operation was aborted due to timeout", "TimeoutError"))).toMatchObject({ kind: "unanswered" });
  });
});
