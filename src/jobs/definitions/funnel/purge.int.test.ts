import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/env";
import { currentBoss } from "@/jobs/boss";
import { JOB_DEFINITIONS } from "@/jobs/registry";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { insertFunnelRows } from "@/server/services/funnel/ingest-funnel-events";
import { purgeFunnelEvents } from "@/server/services/funnel/purge-funnel-events";
import { resetDatabase } from "../../../../test/support/db";
import { funnelPurgeJob } from "./purge";
import { createFunnelPurgeHandler } from "./purge.handler";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-05T12:00:00Z");

async function seedAged(ages: number[]) {
  await insertFunnelRows(
    db(),
    ages.map((days, i) => ({
      eventId: `age-${days}-${i}-${Math.random().toString(36).slice(2)}`,
      source: "web",
      name: `aged_${days}`,
      step: null,
      sessionId: null,
      traceId: null,
      emailFingerprint: null,
      properties: {},
      occurredAt: new Date(NOW.getTime() - days * DAY),
    })),
  );
}

const remainingAges = async () =>
  (await db().funnelEvent.findMany({ select: { name: true }, orderBy: { occurredAt: "asc" } })).map((r) => r.name);

beforeEach(() => resetDatabase());
afterEach(() => {
  delete process.env.FUNNEL_RETENTION_DAYS;
  reloadEnv();
});

describe("funnel.purge", () => {
  it("is registered and scheduled hourly by the job runtime", async () => {
    expect(JOB_DEFINITIONS).toContain(funnelPurgeJob);
    await startJobRuntime({ role: "all" });
    try {
      const schedules = await currentBoss()!.getSchedules();
      expect(schedules.find((s) => s.name === "funnel.purge")).toMatchObject({ cron: "17 * * * *" });
    } finally {
      await stopJobRuntime();
    }
  });

  it("deletes events older than the retention in bounded batches and keeps the rest", async () => {
    await seedAged([400, 200, 120, 95, 91, 89, 10, 0]);
    const first = await purgeFunnelEvents({ now: NOW, batchSize: 2, maxBatches: 2 });
    expect(first).toEqual({ deleted: 4, more: true });
    expect(await remainingAges()).toEqual(["aged_91", "aged_89", "aged_10", "aged_0"]);
    const second = await purgeFunnelEvents({ now: NOW, batchSize: 2, maxBatches: 2 });
    expect(second).toEqual({ deleted: 1, more: false });
    expect(await remainingAges()).toEqual(["aged_89", "aged_10", "aged_0"]);
    expect(await purgeFunnelEvents({ now: NOW })).toEqual({ deleted: 0, more: false });
  });

  it("follows FUNNEL_RETENTION_DAYS", async () => {
    process.env.FUNNEL_RETENTION_DAYS = "7";
    reloadEnv();
    await seedAged([30, 8, 6, 1]);
    const ctx = { jobId: "test", retryCount: 0, retryLimit: 0, isLastAttempt: true, signal: new AbortController().signal };
    await createFunnelPurgeHandler({ now: () => NOW })({}, ctx);
    expect(await remainingAges()).toEqual(["aged_6", "aged_1"]);
  });
});
