import { APIError, isAPIError } from "better-auth/api";
import { env } from "@/env";
import { resolveClientAddress } from "@/server/network/client-address";
import {
  consumeRateLimit,
  refundRateLimit,
  type TRateLimitRule,
} from "@/server/services/rate-limits/consume-rate-limit";

/**
 * Budgets of the sign-in endpoints. Password and code attempts that succeed
 * are given back, so only failures add up; every code mail counts.
 */
export const AUTH_RATE_LIMITS = {
  /** Wrong passwords or codes from one client address. */
  attemptsPerClient: { points: 10, durationSeconds: 5 * 60 },
  /** Wrong passwords or codes for one account, from anywhere. */
  attemptsPerAccount: { points: 10, durationSeconds: 15 * 60 },
  /** Code mails asked for by one client address. */
  codeMailsPerClient: { points: 10, durationSeconds: 15 * 60 },
  /** Code mails to one address. */
  codeMailsPerAccount: { points: 5, durationSeconds: 15 * 60 },
} as const satisfies Record<string, TRateLimitRule>;

/** better-auth endpoint paths that try a password or a code. */
const ATTEMPT_PATHS = new Set(["/sign-in/email", "/sign-in/email-otp", "/email-otp/check-verification-otp", "/email-otp/verify-email"]);
const CODE_MAIL_PATHS = new Set(["/email-otp/send-verification-otp"]);

type TCharge = { key: string; rule: TRateLimitRule };
type THookContext = { path?: string; body?: unknown; headers?: Headers };

/** The rate-limit charges of one auth request; none for endpoints that are not limited. */
export function authRateLimitCharges(ctx: THookContext): { charges: TCharge[]; refundOnSuccess: boolean } {
  const path = ctx.path ?? "";
  const attempt = ATTEMPT_PATHS.has(path);
  if (!attempt && !CODE_MAIL_PATHS.has(path)) return { charges: [], refundOnSuccess: false };
  const [family, perClient, perAccount] = attempt
    ? (["sign-in", AUTH_RATE_LIMITS.attemptsPerClient, AUTH_RATE_LIMITS.attemptsPerAccount] as const)
    : (["code-mail", AUTH_RATE_LIMITS.codeMailsPerClient, AUTH_RATE_LIMITS.codeMailsPerAccount] as const);
  const charges: TCharge[] = [];
  const client = ctx.headers ? clientAddressOf(ctx.headers) : null;
  if (client) charges.push({ key: `${family}:client:${client}`, rule: perClient });
  const account = accountOf(ctx.body);
  if (account) charges.push({ key: `${family}:account:${account}`, rule: perAccount });
  return { charges, refundOnSuccess: attempt };
}

/** The caller's address as the rate limits and the session record see it. */
export function clientAddressOf(headers: Headers): string | null {
  return resolveClientAddress(headers, env().TRUSTED_PROXIES);
}

function accountOf(body: unknown): string | null {
  const email = body && typeof body === "object" ? (body as { email?: unknown }).email : undefined;
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
}

/** better-auth `hooks.before`: spends the request's budgets, or answers 429 with Retry-After. */
export async function chargeAuthRateLimits(ctx: THookContext): Promise<void> {
  for (const charge of authRateLimitCharges(ctx).charges) {
    const result = await consumeRateLimit(charge);
    if (!result.allowed) {
      throw new APIError(
        "TOO_MANY_REQUESTS",
        { code: "TOO_MANY_REQUESTS", message: `Too many attempts. Try again in ${result.retryAfterSeconds} seconds.` },
        { "Retry-After": String(result.retryAfterSeconds) },
      );
    }
  }
}

/** better-auth `hooks.after`: a password or code that worked gives its points back. */
export async function settleAuthRateLimits(ctx: THookContext & { context?: { returned?: unknown } }): Promise<void> {
  const { charges, refundOnSuccess } = authRateLimitCharges(ctx);
  if (!refundOnSuccess || isAPIError(ctx.context?.returned)) return;
  for (const charge of charges) await refundRateLimit(charge);
}
