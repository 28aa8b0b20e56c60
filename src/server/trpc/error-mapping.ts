import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { Prisma } from "@/generated/prisma/client";
import { APP_ERROR_CODES, isAppError, type AppError, type TAppErrorCode } from "@/server/errors";

/** An error as it is shown to callers, whatever the transport. */
export type TPublicError = {
  /** An AppError code, or a transport code (UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE, ...). */
  code: string;
  trpcCode: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  message: string;
  details?: unknown;
};

export const INTERNAL_MESSAGE = "Internal server error";

/** A field path and what is wrong with it, for validation answers. */
export type TFieldIssue = { path: string; message: string };

type TIssueLike = { message: string; path?: ReadonlyArray<PropertyKey | { key: PropertyKey }> };

function hasIssues(cause: unknown): cause is { issues: TIssueLike[] } {
  return (
    typeof cause === "object" &&
    cause !== null &&
    Array.isArray((cause as { issues?: unknown }).issues) &&
    (cause as { issues: unknown[] }).issues.every(
      (i) => typeof i === "object" && i !== null && typeof (i as { message?: unknown }).message === "string",
    )
  );
}

/** Zod and Standard Schema issues as `{ path: "a.b.0", message }`, each once (a refinement may repeat a field's). */
export function fieldIssuesOf(issues: TIssueLike[]): TFieldIssue[] {
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const path = (issue.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)).join(".");
    const key = JSON.stringify([path, issue.message]);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ path, message: issue.message }];
  });
}

/** "Input validation failed", naming the first failing field so the message alone says what to fix. */
export function validationMessage(issues: TFieldIssue[]): string {
  const [first] = issues;
  if (!first) return "Input validation failed";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `Input validation failed at ${first.path || "the input"}: ${first.message}${more}`;
}

/** The tRPC error for a domain error; the AppError stays the cause so details survive. */
export function trpcErrorFromAppError(error: AppError): TRPCError {
  return new TRPCError({ code: APP_ERROR_CODES[error.code].trpc, message: error.message, cause: error });
}

const APP_CODE_BY_TRPC = Object.fromEntries(
  Object.entries(APP_ERROR_CODES).map(([app, { trpc }]) => [trpc, app as TAppErrorCode]),
) as Partial<Record<TRPC_ERROR_CODE_KEY, TAppErrorCode>>;

function fromAppError(error: AppError): TPublicError {
  const { http, trpc } = APP_ERROR_CODES[error.code];
  // An INTERNAL AppError may carry internals in its message; callers get the generic one.
  if (error.code === "INTERNAL") return { code: "INTERNAL", trpcCode: trpc, httpStatus: http, message: INTERNAL_MESSAGE };
  return { code: error.code, trpcCode: trpc, httpStatus: http, message: error.message, details: error.details };
}

/** How long a caller turned away while the database is saturated should wait. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/**
 * Prisma gave up waiting for a pooled connection (P2024) or for a transaction
 * to start (P2028): the request did nothing, and the same request a moment
 * later can succeed. A burst beyond the pool answers 503, not a 500.
 */
function isDatabaseBusy(cause: unknown): boolean {
  return cause instanceof Prisma.PrismaClientKnownRequestError && (cause.code === "P2024" || cause.code === "P2028");
}

/**
 * Maps any tRPC error onto what callers see. Domain errors keep their code,
 * message and details; input validation lists the failing fields; anything
 * unexpected becomes a generic INTERNAL so no internals leak.
 */
export function describeError(error: TRPCError): TPublicError {
  if (isAppError(error.cause)) return fromAppError(error.cause);
  if (error.code === "BAD_REQUEST" && hasIssues(error.cause)) {
    const details = fieldIssuesOf(error.cause.issues);
    return { code: "BAD_REQUEST", trpcCode: "BAD_REQUEST", httpStatus: 400, message: validationMessage(details), details };
  }
  if (error.code === "INTERNAL_SERVER_ERROR" && isDatabaseBusy(error.cause)) {
    return {
      code: "UNAVAILABLE",
      trpcCode: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      message: "Embark is busy; try again in a few seconds",
      details: { retry_after_seconds: BUSY_RETRY_AFTER_SECONDS },
    };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return { code: "INTERNAL", trpcCode: error.code, httpStatus: 500, message: INTERNAL_MESSAGE };
  }
  if (error.code === "PARSE_ERROR") {
    return { code: "BAD_REQUEST", trpcCode: error.code, httpStatus: 400, message: "The request body is not valid JSON" };
  }
  return {
    code: APP_CODE_BY_TRPC[error.code] ?? error.code,
    trpcCode: error.code,
    httpStatus: getHTTPStatusCodeFromError(error),
    message: error.message,
  };
}
