import { describe, expect, it } from "vitest";
import { FunnelDebugQueue, uuidV4, type TDebugEvent } from "./funnel-debug-queue";

function setup(opts: { postOk?: () => boolean; beaconOk?: () => boolean } = {}) {
  const posted: TDebugEvent[][] = [];
  const beacons: TDebugEvent[][] = [];
  const queue = new FunnelDebugQueue({
    context: () => ({ trace_id: "trace_abcdef123456", session_id: "fs_1" }),
    now: () => new Date("2026-12-05T10:00:00Z"),
    transport: {
      post: async (body) => {
        const ok = opts.postOk?.() ?? true;
        if (ok) posted.push((JSON.parse(body) as { events: TDebugEvent[] }).events);
        return ok;
      },
      beacon: (body) => {
        const ok = opts.beaconOk?.() ?? true;
        if (ok) beacons.push((JSON.parse(body) as { events: TDebugEvent[] }).events);
        return ok;
      },
    },
  });
  return { queue, posted, beacons };
}

describe("uuidV4", () => {
  it("makes distinct version 4 UUIDs", () => {
    const ids = new Set(Array.from({ length: 100 }, uuidV4));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("FunnelDebugQueue", () => {
  it("queues events with the trace, the tab's session and a UUID, and sends them in batches of 50", async () => {
    const { queue, posted } = setup();
    for (let i = 0; i < 120; i++) queue.track("step_viewed", { step: "email" });
    expect(posted).toHaveLength(0);
    await queue.flush();
    expect(posted.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(posted[0]![0]).toMatchObject({ name: "step_viewed", step: "email", trace_id: "trace_abcdef123456", session_id: "fs_1", occurred_at: "2026-12-05T10:00:00.000Z" });
    expect(queue.size).toBe(0);
  });

  it("keeps a batch the server did not take and resends the same event ids", async () => {
    let up = false;
    const { queue, posted } = setup({ postOk: () => up });
    queue.track("wizard_started");
    queue.track("step_viewed", { step: "email" });
    await queue.flush();
    expect(queue.size).toBe(2);
    up = true;
    await queue.flush();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.map((e) => e.name)).toEqual(["wizard_started", "step_viewed"]);
    expect(queue.size).toBe(0);
  });

  it("hands everything to beacons when the page goes away, keeping what the browser refused", () => {
    let room = 1;
    const { queue, beacons } = setup({ beaconOk: () => room-- > 0 });
    for (let i = 0; i < 70; i++) queue.track("step_viewed");
    queue.flushWithBeacon();
    expect(beacons.map((b) => b.length)).toEqual([50]);
    expect(queue.size).toBe(20);
  });
});
