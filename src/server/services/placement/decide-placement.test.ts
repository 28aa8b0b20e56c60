import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decidePlacement, type TPlacementNode, type TPlan, type TRegion } from "./decide-placement";

const region = fc.constantFrom<TRegion>("sg", "us", "eu");
const plan = fc.constantFrom<TPlan>("starter", "growth", "scale");
const node: fc.Arbitrary<TPlacementNode> = fc
  .record({
    id: fc.stringMatching(/^node-[a-z]{2}-[a-z0-9]{6}$/),
    region,
    status: fc.constantFrom("active", "draining", "offline"),
    dedicated: fc.boolean(),
    capacity: fc.integer({ min: 1, max: 100 }),
    fill: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ fill, ...n }) => ({ ...n, used: Math.round(fill * n.capacity) }));
const nodes = fc.uniqueArray(node, { selector: (n) => n.id, maxLength: 12 });

const eligible = (n: TPlacementNode, r: TRegion) =>
  n.region === r && n.status === "active" && !n.dedicated && n.used < n.capacity;

describe("decidePlacement", () => {
  it("never answers an empty target without creating a server (the workflow's fail-fast case)", () => {
    fc.assert(
      fc.property(region, plan, nodes, (r, p, ns) => {
        const result = decidePlacement({ region: r, plan: p }, ns);
        expect(result.create_new_server || (result.target_server_id ?? "") !== "").toBe(true);
        expect(result.create_new_server && result.target_server_id !== null).toBe(false);
      }),
    );
  });

  it("keeps the requested region and always gives reasons", () => {
    fc.assert(
      fc.property(region, plan, nodes, (r, p, ns) => {
        const result = decidePlacement({ region: r, plan: p }, ns);
        expect(result.region).toBe(r);
        expect(result.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it("gives a scale tenant a dedicated new server, whatever nodes exist", () => {
    fc.assert(
      fc.property(region, nodes, (r, ns) => {
        const result = decidePlacement({ region: r, plan: "scale" }, ns);
        expect(result).toMatchObject({ create_new_server: true, dedicated: true, target_server_id: null });
      }),
    );
  });

  it("puts a shared tenant on an eligible node with the lowest load, or asks for a new server when there is none", () => {
    fc.assert(
      fc.property(region, fc.constantFrom<TPlan>("starter", "growth"), nodes, (r, p, ns) => {
        const result = decidePlacement({ region: r, plan: p }, ns);
        expect(result.dedicated).toBe(false);
        const candidates = ns.filter((n) => eligible(n, r));
        if (candidates.length === 0) {
          expect(result.create_new_server).toBe(true);
          return;
        }
        const chosen = ns.find((n) => n.id === result.target_server_id);
        expect(chosen && eligible(chosen, r)).toBe(true);
        const lowest = Math.min(...candidates.map((n) => n.used / n.capacity));
        expect(chosen!.used / chosen!.capacity).toBe(lowest);
      }),
    );
  });

  it("ignores nodes of other regions, dedicated, full or inactive nodes", () => {
    const ns: TPlacementNode[] = [
      { id: "node-us-aaaaaa", region: "us", status: "active", dedicated: false, capacity: 10, used: 0 },
      { id: "node-sg-dedica", region: "sg", status: "active", dedicated: true, capacity: 10, used: 0 },
      { id: "node-sg-fullll", region: "sg", status: "active", dedicated: false, capacity: 2, used: 2 },
      { id: "node-sg-drain1", region: "sg", status: "draining", dedicated: false, capacity: 10, used: 0 },
    ];
    const result = decidePlacement({ region: "sg", plan: "starter" }, ns);
    expect(result).toMatchObject({ create_new_server: true, target_server_id: null });
    expect(result.reasons.join(" ")).toMatch(/none of the 3 node/);
  });

  it("prefers the node with the smaller share of capacity used", () => {
    const ns: TPlacementNode[] = [
      { id: "node-sg-big000", region: "sg", status: "active", dedicated: false, capacity: 100, used: 40 },
      { id: "node-sg-small0", region: "sg", status: "active", dedicated: false, capacity: 10, used: 5 },
    ];
    expect(decidePlacement({ region: "sg", plan: "growth" }, ns).target_server_id).toBe("node-sg-big000");
  });
});
