import { describe, expect, it } from "vitest";
import { isoTimestamp } from "./timestamp";

describe("isoTimestamp()", () => {
  const schema = isoTimestamp();

  it.each(["2024-05-01T10:00:00Z", "2000-01-01T00:00:00+00:00", "2100-12-31T23:59:59.999Z"])("accepts %s", (value) => {
    expect(schema.parse(value)).toBe(value);
  });

  it.each(["0000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])(
    "refuses %s as out of range",
    (value) => {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toMatch(/between the years 2000 and 2100/);
    },
  );

  it("refuses what is not a timestamp", () => {
    expect(schema.safeParse("yesterday").success).toBe(false);
  });
});
