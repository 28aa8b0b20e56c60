import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { db } from "@/server/db";
import { newTraceId } from "@/server/services/provisioning/ids";
import { getFunnelStats } from "./get-funnel-stats";
import { recordFunnelMilestone, type TFunnelMilestone } from "./record-funnel-milestone";

const T0 = Date.parse("2026-12-01T10:00:00Z");
const DAY = { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-02T00:00:00Z") };

/** One person's way: each milestone `seconds` after the start. */
async function trace(start: number, steps: [TFunnelMilestone, number, Record<string, string>?][]) {
  const traceId = newTraceId();
  for (const [name, seconds, properties] of steps) {
    await recordFunnelMilestone(db(), { traceId, name, key: name, properties, occurredAt: new Date(start + seconds * 1000) });
  }
  return traceId;
}

beforeEach(async () => {
  await resetDatabase({ jobs: false });
  await trace(T0, [
    ["signup_started", 0],
    ["code_sent", 1],
    ["code_verified", 60],
    ["company_submitted", 120],
    ["plan_chosen", 180, { tier: "starter", region: "sg" }],
    ["provisioning_completed", 300],
    ["onboarding_completed", 400],
  ]);
  await trace(T0 + 3600_000, [
    ["signup_started", 0],
    ["code_verified", 30],
    ["company_submitted", 60],
    ["plan_chosen", 90, { tier: "growth", region: "eu" }],
  ]);
  await trace(T0 + 7200_000, [["signup_started", 0]]);
  // Started the day before: not in the period, even though it finished in it.
  await trace(T0 - 86_400_000, [["signup_started", 0], ["code_verified", 86_400]]);
});

describe("getFunnelStats", () => {
  it("counts each step once per trace started in the period, with conversion and drop-off", async () => {
    const stats = await getFunnelStats(DAY);
    expect(stats.steps.map((s) => [s.step, s.traces, s.dropOff])).toEqual([
      ["signup_started", 3, 0],
      ["code_verified", 2, 1],
      ["company_submitted", 2, 0],
      ["plan_chosen", 2, 0],
      ["provisioning_completed", 1, 1],
      ["onboarding_completed", 1, 0],
    ]);
    expect(stats.steps[1]!.conversion).toBeCloseTo(2 / 3);
    expect(stats.started).toBe(3);
  });

  it("counts a trace that entered after the first step as started, so conversion never passes 100%", async () => {
    // An onboarding opened through the API: no signup or code, it starts at the company step.
    await trace(T0 + 600_000, [["company_submitted", 0], ["plan_chosen", 10, { tier: "starter", region: "sg" }]]);
    await trace(T0 + 700_000, [["company_submitted", 0], ["plan_chosen", 10, { tier: "starter", region: "sg" }]]);
    const stats = await getFunnelStats(DAY);
    expect(stats.started).toBe(5);
    expect(stats.steps.map((s) => [s.step, s.traces])).toEqual([
      ["signup_started", 3],
      ["code_verified", 2],
      ["company_submitted", 4],
      ["plan_chosen", 4],
      ["provisioning_completed", 1],
      ["onboarding_completed", 1],
    ]);
    expect(stats.steps.map((s) => s.conversion)).toEqual([3 / 5, 2 / 5, 4 / 5, 4 / 5, 1 / 5, 1 / 5]);
    expect(stats.steps.every((s) => s.conversion <= 1)).toBe(true);
  });

  it("gives the median and p90 time between consecutive steps", async () => {
    const stats = await getFunnelStats(DAY);
    const first = stats.timings[0]!;
    expect(first).toMatchObject({ from: "signup_started", to: "code_verified", traces: 2 });
    expect(first.medianSeconds).toBeCloseTo(45);
    expect(first.p90Seconds).toBeCloseTo(57);
    expect(stats.timings.at(-1)).toMatchObject({ from: "provisioning_completed", to: "onboarding_completed", traces: 1, medianSeconds: 100 });
  });

  it("breaks down by plan and region, and filters by them", async () => {
    const stats = await getFunnelStats(DAY);
    expect(stats.byPlan).toEqual([
      { key: "growth", counts: { plan_chosen: 1 } },
      { key: "starter", counts: { plan_chosen: 1, provisioning_completed: 1, onboarding_completed: 1 } },
    ]);
    expect(stats.byRegion.map((r) => r.key)).toEqual(["eu", "sg"]);
    const growth = await getFunnelStats({ ...DAY, plan: "growth" });
    expect(growth.steps.map((s) => s.traces)).toEqual([1, 1, 1, 1, 0, 0]);
    const empty = await getFunnelStats({ from: new Date("2025-01-01"), to: new Date("2025-01-02") });
    expect(empty.steps.every((s) => s.traces === 0 && s.conversion === 0)).toBe(true);
    expect(empty.timings.every((t) => t.medianSeconds === null)).toBe(true);
    await expect(getFunnelStats({ from: DAY.to, to: DAY.from })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
