import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration, listQuery, pick, stageLabel } from "./format";

describe("provisioning page formatting", () => {
  it("formats durations at every scale", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_400)).toBe("12 s");
    expect(formatDuration(4_250)).toBe("4.3 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(2 * 3600_000 + 7 * 60_000)).toBe("2 h 07 min");
    expect(formatDuration(-1)).toBe("—");
  });

  it("says how long ago, never in the future", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    expect(formatAgo(new Date("2026-01-01T12:00:05Z"), now)).toBe("just now");
    expect(formatAgo(new Date("2026-01-01T11:59:30Z"), now)).toBe("30 s ago");
    expect(formatAgo(new Date("2026-01-01T11:56:00Z"), now)).toBe("4 min ago");
    expect(formatAgo(new Date("2025-12-30T12:00:00Z"), now)).toBe("2 d ago");
  });

  it("labels stages and builds list links", () => {
    expect(stageLabel("resolve_target")).toBe("Resolve target");
    expect(stageLabel("dns")).toBe("DNS");
    expect(listQuery({ status: "Failed", region: undefined, q: "" })).toBe("?status=Failed");
    expect(listQuery({})).toBe("");
    expect(pick(["sg", "us"] as const, "us")).toBe("us");
    expect(pick(["sg", "us"] as const, "mars")).toBeUndefined();
  });
});
