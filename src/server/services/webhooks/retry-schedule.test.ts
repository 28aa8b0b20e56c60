import { describe, expect, it } from "vitest";
import { nextWebhookAttemptAt, WEBHOOK_RETRY_POLICY, webhookAttemptOffsetsMs, webhookRetryDelayMs } from "./retry-schedule";

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe("webhookRetryDelayMs", () => {
  it("starts at 30 s and doubles", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(webhookRetryDelayMs)).toEqual([30, 60, 120, 240, 480, 960, 1920].map((s) => s * S));
  });

  it("never waits more than an hour, however many failures", () => {
    expect(webhookRetryDelayMs(8)).toBe(H);
    expect(webhookRetryDelayMs(30)).toBe(H);
    expect(webhookRetryDelayMs(5000)).toBe(H);
  });

  it("refuses counts that are not failures", () => {
    expect(() => webhookRetryDelayMs(0)).toThrow(RangeError);
    expect(() => webhookRetryDelayMs(1.5)).toThrow(RangeError);
  });
});

describe("nextWebhookAttemptAt", () => {
  const createdAt = new Date("2026-11-23T00:00:00Z");

  it("schedules from the moment of the failure", () => {
    const now = new Date(createdAt.getTime() + 10 * MIN);
    expect(nextWebhookAttemptAt({ createdAt, failedAttempts: 3, now })).toEqual(new Date(now.getTime() + 120 * S));
  });

  it("gives up once the next attempt would fall past 24 h after creation", () => {
    const lastChance = new Date(createdAt.getTime() + 23 * H);
    expect(nextWebhookAttemptAt({ createdAt, failedAttempts: 20, now: lastChance })).toEqual(new Date(createdAt.getTime() + 24 * H));
    const tooLate = new Date(lastChance.getTime() + 1);
    expect(nextWebhookAttemptAt({ createdAt, failedAttempts: 20, now: tooLate })).toBeNull();
  });
});

describe("the whole schedule", () => {
  it("tries at 0, 30 s, 1.5 min, ... then hourly, all within 24 h", () => {
    const offsets = webhookAttemptOffsetsMs();
    expect(offsets.slice(0, 9)).toEqual([0, 30, 90, 210, 450, 930, 1890, 3810, 3810 + 3600].map((s) => s * S));
    for (let i = 1; i < offsets.length; i++) {
      const gap = offsets[i]! - offsets[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(WEBHOOK_RETRY_POLICY.firstDelayMs);
      expect(gap).toBeLessThanOrEqual(WEBHOOK_RETRY_POLICY.maxDelayMs);
    }
    expect(offsets.at(-1)!).toBeLessThanOrEqual(24 * H);
    expect(offsets.at(-1)! + H).toBeGreaterThan(24 * H);
    // 8 attempts in the first hour and 22 hourly ones after, the last at 23 h 03 min 30 s.
    expect(offsets).toHaveLength(30);
    expect(offsets.at(-1)).toBe((3810 + 22 * 3600) * S);
  });
});
