import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps same-origin relative paths with their query and hash", () => {
    expect(safeNextPath("/cp/jobs?status=Failed#top")).toBe("/cp/jobs?status=Failed#top");
    expect(safeNextPath("/cp")).toBe("/cp");
  });

  it.each([
    ["missing", undefined],
    ["not a string", ["/cp/jobs"]],
    ["empty", ""],
    ["absolute URL", "https://evil.example/cp"],
    ["scheme", "javascript:alert(1)"],
    ["protocol-relative", "//evil.example/cp"],
    ["backslash trick", "/\\evil.example"],
    ["relative without slash", "cp/jobs"],
    ["control character", "/cp\n/jobs"],
    ["encoded tab prefix", "/\t/evil.example"],
    ["sign-in loop", "/cp/sign-in?next=/cp"],
  ])("falls back to /cp when %s", (_label, next) => {
    expect(safeNextPath(next)).toBe(DEFAULT_NEXT_PATH);
  });

  it("normalises dot segments without leaving the origin", () => {
    expect(safeNextPath("/cp/../../etc")).toBe("/etc");
  });
});
