import { describe, expect, it } from "vitest";
import { summarizeNodeCapacity } from "./node-capacity";

describe("summarizeNodeCapacity", () => {
  it("counts only active shared nodes as shared capacity, and every tenant as placed", () => {
    const summary = summarizeNodeCapacity([
      { used: 5, capacity: 50, dedicated: false, status: "active" },
      { used: 1, capacity: 1, dedicated: true, status: "active" },
      { used: 2, capacity: 10, dedicated: false, status: "draining" },
      { used: 0, capacity: 10, dedicated: false, status: "offline" },
      { used: 8, capacity: 10, dedicated: false, status: "active" },
    ]);
    expect(summary).toEqual({
      nodes: 5,
      dedicatedNodes: 1,
      activeSharedNodes: 2,
      tenantsPlaced: 16,
      sharedUsed: 13,
      sharedCapacity: 60,
      nearFull: 1,
    });
  });

  it("is all zeros without nodes", () => {
    expect(summarizeNodeCapacity([])).toEqual({
      nodes: 0,
      dedicatedNodes: 0,
      activeSharedNodes: 0,
      tenantsPlaced: 0,
      sharedUsed: 0,
      sharedCapacity: 0,
      nearFull: 0,
    });
  });
});
