import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/server/db";

/** What a limited action may do: `points` per `durationSeconds`. */
export type TRateLimitRule = { points: number; durationSeconds: number };

export type TRateLimitResult =
  | { allowed: true; remaining: number }
  | { allowed: false; remaining: 0; retryAfterSeconds: number };

/** The table the Prisma schema creates for the limiter (model RateLimit). */
const TABLE = "rate_limits";

type G = typeof globalThis & { __embarkRateLimiters?: Map<string, RateLimiterPostgres> };
const g = globalThis as G;

function limiterFor(rule: TRateLimitRule): RateLimiterPostgres {
  const limiters = (g.__embarkRateLimiters ??= new Map());
  // One limiter per rule; the rule is part of each stored key, so two rules never share a counter.
  const prefix = `${rule.points}p${rule.durationSeconds}s`;
  let limiter = limiters.get(prefix);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pgPool(),
      storeType: "pool",
      tableName: TABLE,
      tableCreated: true,
      keyPrefix: prefix,
      points: rule.points,
      duration: rule.durationSeconds,
    });
    limiters.set(prefix, limiter);
  }
  return limiter;
}

/** Keys fit the table's 255 characters: a long one (an odd email address) is stored as its digest. */
function storedKey(key: string): string {
  return key.length <= 200 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/**
 * Spends `cost` (default 1) of the budget `key` has under `rule`, atomically
 * in Postgres so every replica sees the same count. Once the budget is spent
 * every call is refused, with how long to wait, until the window ends. `key`
 * names what is counted, e.g. `sign-in:client:203.0.113.9` or
 * `sign-in:account:ada@example.com`.
 */
export async function consumeRateLimit(opts: { key: string; rule: TRateLimitRule; cost?: number }): Promise<TRateLimitResult> {
  try {
    const res = await limiterFor(opts.rule).consume(storedKey(opts.key), opts.cost ?? 1);
    return { allowed: true, remaining: res.remainingPoints };
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    }
    throw e;
  }
}

/** Gives back `points` spent by `consumeRateLimit` (e.g. after an attempt that succeeded). */
export async function refundRateLimit(opts: { key: string; rule: TRateLimitRule; points?: number }): Promise<void> {
  await limiterFor(opts.rule).reward(storedKey(opts.key), opts.points ?? 1);
}
