import { describe, expect, it } from "vitest";
import { generatePassword } from "./generate-password";

describe("generatePassword", () => {
  it("gives 4 groups of 6 unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      expect(generatePassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{6}(-[a-km-zA-HJ-NP-Z2-9]{6}){3}$/);
    }
  });

  it("does not repeat", () => {
    const seen = new Set(Array.from({ length: 500 }, generatePassword));
    expect(seen.size).toBe(500);
  });
});
