import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { transformer } from "./transformer";

describe("the tRPC input transformer", () => {
  it("keeps the values of an object the input holds twice, as superjson sends them", () => {
    const when = new Date("2026-01-01T00:00:00Z");
    const shared = { a: [1, "two"], when };
    const sent = superjson.serialize({ x: shared, y: shared });
    expect(sent.meta?.referentialEqualities).toBeDefined();
    expect(transformer.input.deserialize(sent)).toEqual({ x: { a: [1, "two"], when }, y: { a: [1, "two"], when } });
  });

  it("ignores referential equalities that would make the input a cycle", () => {
    const input = transformer.input.deserialize({ json: { events: [{ id: "e1" }] }, meta: { referentialEqualities: { events: ["events.0.id"] } } });
    expect(input).toEqual({ events: [{ id: "e1" }] });
    expect(() => JSON.stringify(input)).not.toThrow();
  });

  it("still reads superjson's value annotations", () => {
    expect(transformer.input.deserialize({ json: { at: "2026-01-01T00:00:00.000Z" }, meta: { values: { at: ["Date"] } } })).toEqual({ at: new Date("2026-01-01T00:00:00Z") });
    expect(transformer.input.deserialize({ json: { a: 1 } })).toEqual({ a: 1 });
  });
});
