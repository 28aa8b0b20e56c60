import { describe, expect, it } from "vitest";
import { resolveFunnelPeriod } from "./period";

const NOW = new Date("2026-12-05T15:30:00Z");

describe("resolveFunnelPeriod", () => {
  it("reads today, 7 and 30 days up to now", () => {
    expect(resolveFunnelPeriod({ period: "today" }, NOW)).toEqual({ period: "today", from: new Date("2026-12-05T00:00:00Z"), to: NOW });
    expect(resolveFunnelPeriod({ period: "7d" }, NOW).from).toEqual(new Date("2026-11-28T15:30:00Z"));
    expect(resolveFunnelPeriod({ period: "30d" }, NOW).from).toEqual(new Date("2026-11-05T15:30:00Z"));
    expect(resolveFunnelPeriod({}, NOW).period).toBe("7d");
  });

  it("reads a custom range as whole UTC days, both included", () => {
    expect(resolveFunnelPeriod({ period: "custom", from: "2026-11-01", to: "2026-11-03" }, NOW)).toEqual({
      period: "custom",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-04T00:00:00Z"),
    });
    expect(resolveFunnelPeriod({ period: "custom", from: "2026-12-01" }, NOW).to).toEqual(new Date("2026-12-06T00:00:00Z"));
  });

  it("falls back to 7 days for a custom range it cannot use", () => {
    for (const bad of [{ from: "garbage" }, { from: "2026-11-05", to: "2026-11-01" }, { from: "2020-01-01", to: "2026-01-01" }, {}]) {
      expect(resolveFunnelPeriod({ period: "custom", ...bad }, NOW).period).toBe("7d");
    }
  });
});
