import { env } from "@/env";
import { AppError } from "@/server/errors";
import { resolveClientAddress } from "@/server/network/client-address";
import { consumeRateLimit, type TRateLimitRule } from "@/server/services/rate-limits/consume-rate-limit";

/**
 * The public licensing routes' limits, counted in Postgres by the shared
 * limiter (so every replica counts together): per client address (per
 * minute) and, for redeems, per code prefix (per hour), so guessing codes is
 * slow from one address and from many. The address is the connection's peer,
 * or what a trusted proxy (TRUSTED_PROXIES) says in X-Forwarded-For — a
 * header a client sends itself buys it no new budget. Over a limit:
 * TOO_MANY_REQUESTS with the seconds to wait.
 */
export async function enforceLicenseRateLimits(opts: { headers: Headers; route: string; codePrefix?: string }): Promise<void> {
  const e = env();
  const client = resolveClientAddress(opts.headers, e.TRUSTED_PROXIES) ?? "unknown";
  const perAddress: TRateLimitRule = { points: e.LICENSE_RATE_LIMIT_PER_ADDRESS, durationSeconds: 60 };
  const checks: { key: string; rule: TRateLimitRule }[] = [{ key: `license:${opts.route}:client:${client}`, rule: perAddress }];
  if (opts.codePrefix) {
    checks.push({ key: `license:code-prefix:${opts.codePrefix}`, rule: { points: e.LICENSE_RATE_LIMIT_PER_CODE_PREFIX, durationSeconds: 3600 } });
  }
  for (const check of checks) {
    const result = await consumeRateLimit(check);
    if (!result.allowed) {
      throw new AppError("TOO_MANY_REQUESTS", {
        message: `Too many requests; try again in ${result.retryAfterSeconds} seconds`,
        details: { retry_after_seconds: result.retryAfterSeconds },
      });
    }
  }
}
