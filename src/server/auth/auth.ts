import { APIError, betterAuth } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { emailOTP } from "better-auth/plugins";
import { env } from "@/env";
import { recordAudit } from "@/server/services/audit/record-audit";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { chargeAuthRateLimits, clientAddressOf, settleAuthRateLimits } from "./auth-rate-limits";
import { withHashedSessionTokens } from "./hashed-session-client";
import { digestOtp } from "./otp-digest";
import { recordSignInMilestones } from "./record-sign-in-milestones";
import { hasOperatorRole } from "./roles";
import { OTP_EXPIRES_IN_SECONDS, sendSignInCode } from "./send-sign-in-code";

/** Operator passwords are at least this long (also enforced by createOperator). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Routes switched off on purpose: password resets by email code (operators are
 * managed by admins), email change, password change (it goes through
 * /cp/account, which writes the audit log), and revoke-other-sessions, which
 * compares the current plain token with listed rows that only hold digests
 * and would end the current session too.
 */
const DISABLED_PATHS = [
  "/email-otp/request-password-reset",
  "/forget-password/email-otp",
  "/email-otp/reset-password",
  "/email-otp/request-email-change",
  "/email-otp/change-email",
  "/request-password-reset",
  "/reset-password",
  "/revoke-other-sessions",
  "/change-password",
  "/set-password",
];

export type TCreateAuthOptions = {
  secret: string;
  baseURL: string;
  prisma: PrismaClient;
  secureCookies?: boolean;
};

/** Builds the better-auth instance. Prefer `getAuth()`; this is for tooling that brings its own client. */
export function createAuth(opts: TCreateAuthOptions) {
  const prisma = withHashedSessionTokens(opts.prisma);
  return betterAuth({
    appName: "Embark",
    secret: opts.secret,
    baseURL: opts.baseURL,
    telemetry: { enabled: false },
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    disabledPaths: DISABLED_PATHS,
    logger: {
      level: "warn",
      // better-auth's own messages; arguments may carry request data, so only error names go out.
      log: (level, message, ...args) => {
        const errors = args.filter((a): a is Error => a instanceof Error).map((e) => e.name);
        logger[level]({ component: "auth", ...(errors.length ? { errors } : {}) }, message);
      },
    },
    advanced: {
      cookiePrefix: "embark",
      useSecureCookies: opts.secureCookies || opts.baseURL.startsWith("https://"),
    },
    // better-auth's own limiter keys on X-Forwarded-For as sent and counts in
    // process memory; the sign-in limits live in Postgres instead (auth-rate-limits.ts).
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => chargeAuthRateLimits(ctx)),
      after: createAuthMiddleware(async (ctx) => {
        await settleAuthRateLimits(ctx);
        // Funnel milestones of the wizard's trace: code sent, code verified.
        await recordSignInMilestones({
          db: opts.prisma,
          path: ctx.path,
          headers: ctx.headers,
          failed: isAPIError(ctx.context.returned),
        });
      }),
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "user", input: false },
      },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session, ctx) => {
            const user = await opts.prisma.user.findUnique({
              where: { id: session.userId },
              select: { role: true, disabledAt: true },
            });
            if (user?.disabledAt) {
              throw new APIError("FORBIDDEN", { message: "This account is disabled", code: "ACCOUNT_DISABLED" });
            }
            // A code proves control of a mailbox, not operator credentials.
            if (ctx?.path === "/sign-in/email-otp" && hasOperatorRole(user?.role, "viewer")) {
              throw new APIError("FORBIDDEN", { message: "Operators sign in with their password" });
            }
            // The address recorded is the one the rate limits saw, not whatever X-Forwarded-For claimed.
            const ipAddress = ctx?.headers ? clientAddressOf(ctx.headers) : null;
            return { data: { ...session, ipAddress } };
          },
          // Operator sign-ins belong in the audit log beside what they did after.
          after: async (session) => {
            const user = await opts.prisma.user.findUnique({ where: { id: session.userId }, select: { email: true, role: true } });
            if (!user || !hasOperatorRole(user.role, "viewer")) return;
            await recordAudit({
              db: opts.prisma,
              actor: { id: session.userId, label: user.email },
              action: "operator.sign_in",
              targetType: "user",
              targetId: session.userId,
              details: { ip: session.ipAddress ?? null },
            });
          },
        },
      },
    },
    plugins: [
      emailOTP({
        otpLength: 6,
        expiresIn: OTP_EXPIRES_IN_SECONDS,
        allowedAttempts: 3,
        disableSignUp: false,
        storeOTP: { hash: async (otp) => digestOtp(opts.secret, otp) },
        sendVerificationOTP: async ({ email, otp, type }) => {
          await sendSignInCode({ email, otp, type, db: opts.prisma });
        },
      }),
      // Must stay last: it copies Set-Cookie headers into Next's cookie store.
      nextCookies(),
    ],
  });
}

export type TAuth = ReturnType<typeof createAuth>;

type G = typeof globalThis & { __embarkAuth?: TAuth };
const g = globalThis as G;

/** The process-wide auth instance, built on first use (never at import time). */
export function getAuth(): TAuth {
  if (!g.__embarkAuth) {
    const e = env();
    g.__embarkAuth = createAuth({
      secret: e.AUTH_SECRET,
      baseURL: e.EMBARK_PUBLIC_URL,
      prisma: db(),
      secureCookies: e.EMBARK_SECURE_COOKIES,
    });
  }
  return g.__embarkAuth;
}
