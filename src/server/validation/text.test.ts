import { describe, expect, it } from "vitest";
import { z } from "zod";
import { text, textProblem, truncateText } from "./text";

describe("text()", () => {
  const schema = z.object({ name: text().trim().min(1).max(10) });

  it("accepts ordinary text, emoji (paired surrogates) included", () => {
    expect(schema.parse({ name: " Zoë 🚀 " })).toEqual({ name: "Zoë 🚀" });
  });

  it.each([
    ["a NUL", "a\u0000b", /NUL/],
    ["a lone high surrogate", "a\ud800b", /unpaired surrogate/],
    ["a lone low surrogate", "\udc00", /unpaired surrogate/],
    ["a reversed pair", "\ude00\ud83d", /unpaired surrogate/],
  ])("refuses %s and names the field", (_, value, message) => {
    const result = schema.safeParse({ name: value });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.code === "custom")!;
    expect(issue.path).toEqual(["name"]);
    expect(issue.message).toMatch(message);
  });

  it("keeps the string checks it is chained with", () => {
    expect(schema.safeParse({ name: "x".repeat(11) }).success).toBe(false);
  });
});

describe("textProblem", () => {
  it("is undefined for text Postgres stores", () => {
    expect(textProblem("plain \u00e9 \u{1F600} \t\n")).toBeUndefined();
  });
});

describe("truncateText", () => {
  it("leaves short text alone", () => {
    expect(truncateText("abc", 3)).toBe("abc");
  });

  it("cuts to the limit with an ellipsis", () => {
    const cut = truncateText("a".repeat(50), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("never leaves half of a surrogate pair at the cut", () => {
    for (let prefix = 0; prefix < 4; prefix++) {
      const cut = truncateText("x".repeat(prefix) + "😀".repeat(20), 9);
      expect(cut.length).toBeLessThanOrEqual(9);
      expect(textProblem(cut)).toBeUndefined();
    }
  });
});
