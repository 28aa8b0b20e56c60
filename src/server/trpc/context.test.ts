import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./context";

describe("requestIdFrom", () => {
  it("keeps a caller's plain request id", () => {
    expect(requestIdFrom(new Headers({ "x-request-id": "gh-run-42.attempt:1" }))).toBe("gh-run-42.attempt:1");
  });

  it("replaces ids that could forge log lines", () => {
    const id = requestIdFrom(new Headers({ "x-request-id": 'x {"level":60}' }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers({ "x-request-id": "a".repeat(200) }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("makes a fresh id per request when none is given", () => {
    expect(requestIdFrom(new Headers())).not.toBe(requestIdFrom(new Headers()));
  });
});
