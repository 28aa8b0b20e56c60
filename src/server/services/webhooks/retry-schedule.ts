/**
 * When a webhook delivery is tried again after a failed automatic attempt:
 * 30 s after the first failure, doubling each time, at most an hour apart,
 * and never later than 24 hours after the event. Pure, so the schedule can be
 * tested and documented without a clock.
 */
export const WEBHOOK_RETRY_POLICY = {
  firstDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  windowMs: 24 * 60 * 60_000,
} as const;

/** The wait after the `failedAttempts`-th failed attempt (1-based). */
export function webhookRetryDelayMs(failedAttempts: number): number {
  const { firstDelayMs, maxDelayMs } = WEBHOOK_RETRY_POLICY;
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) throw new RangeError("failedAttempts must be a whole number >= 1");
  // 2^n overflows to Infinity long before n reaches a real count; min() keeps it at the cap.
  return Math.min(firstDelayMs * 2 ** (failedAttempts - 1), maxDelayMs);
}

/**
 * The moment of the next automatic attempt after `failedAttempts` failures,
 * the last of them at `now`; null when it would fall outside the window that
 * began when the delivery was created (the delivery then fails for good).
 */
export function nextWebhookAttemptAt(opts: { createdAt: Date; failedAttempts: number; now: Date }): Date | null {
  const next = opts.now.getTime() + webhookRetryDelayMs(opts.failedAttempts);
  return next > opts.createdAt.getTime() + WEBHOOK_RETRY_POLICY.windowMs ? null : new Date(next);
}

/** Offsets from the first attempt of every automatic attempt, when each fails at once: the whole schedule. */
export function webhookAttemptOffsetsMs(): number[] {
  const offsets = [0];
  for (;;) {
    const createdAt = new Date(0);
    const next = nextWebhookAttemptAt({ createdAt, failedAttempts: offsets.length, now: new Date(offsets.at(-1)!) });
    if (!next) return offsets;
    offsets.push(next.getTime());
  }
}
