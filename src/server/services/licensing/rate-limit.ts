import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { env } from "@/env";
import { AppError } from "@/server/errors";

/**
 * One fixed-window hit on a counter in Postgres, so every replica counts
 * together. The upsert takes the row's lock: concurrent hits never lose a count.
 */
export async function hitRateLimit(opts: {
  db?: TDbOrTx;
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const rows = await (opts.db ?? defaultDb()).$queryRaw<{ hits: number; remaining: number }[]>`
    INSERT INTO license_rate_limits (key, window_start, hits) VALUES (${opts.key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN license_rate_limits.window_start <= now() - make_interval(secs => ${opts.windowSeconds})
                          THEN now() ELSE license_rate_limits.window_start END,
      hits = CASE WHEN license_rate_limits.window_start <= now() - make_interval(secs => ${opts.windowSeconds})
                  THEN 1 ELSE license_rate_limits.hits + 1 END
    RETURNING hits, EXTRACT(EPOCH FROM (window_start + make_interval(secs => ${opts.windowSeconds}) - now()))::float8 AS remaining`;
  const row = rows[0]!;
  return { allowed: row.hits <= opts.limit, retryAfterSeconds: Math.max(1, Math.ceil(row.remaining)) };
}

/** The caller's address as the proxy in front reports it (the first X-Forwarded-For hop). */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

/**
 * The public licensing routes' limits: per client address (per minute) and,
 * for redeems, per code prefix (per hour), so guessing codes is slow from
 * one address and from many. Over a limit: TOO_MANY_REQUESTS with the seconds to wait.
 */
export async function enforceLicenseRateLimits(opts: { headers: Headers; route: string; codePrefix?: string; db?: TDbOrTx }): Promise<void> {
  const e = env();
  const checks = [{ key: `addr:${opts.route}:${clientAddressOf(opts.headers)}`, limit: e.LICENSE_RATE_LIMIT_PER_ADDRESS, windowSeconds: 60 }];
  if (opts.codePrefix) {
    checks.push({ key: `code:${opts.codePrefix}`, limit: e.LICENSE_RATE_LIMIT_PER_CODE_PREFIX, windowSeconds: 3600 });
  }
  for (const check of checks) {
    const hit = await hitRateLimit({ db: opts.db, ...check });
    if (!hit.allowed) {
      throw new AppError("TOO_MANY_REQUESTS", {
        message: `Too many requests; try again in ${hit.retryAfterSeconds} seconds`,
        details: { retry_after_seconds: hit.retryAfterSeconds },
      });
    }
  }
}
