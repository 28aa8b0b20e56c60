/**
 * Domain errors. Services throw AppError; only src/server/trpc maps them onto
 * tRPC errors, and the HTTP status comes from the same table.
 */
export const APP_ERROR_CODES = {
  /** The request is malformed or fails validation. */
  BAD_REQUEST: { http: 400, trpc: "BAD_REQUEST" },
  /** No credentials, or credentials that do not match. */
  UNAUTHORIZED: { http: 401, trpc: "UNAUTHORIZED" },
  /** Valid credentials without the role or scope needed. */
  FORBIDDEN: { http: 403, trpc: "FORBIDDEN" },
  /** The thing asked for does not exist. */
  NOT_FOUND: { http: 404, trpc: "NOT_FOUND" },
  /** The request conflicts with the current state (taken slug, terminal job). */
  CONFLICT: { http: 409, trpc: "CONFLICT" },
  /** The request is larger than the endpoint takes (body size, batch length). */
  PAYLOAD_TOO_LARGE: { http: 413, trpc: "PAYLOAD_TOO_LARGE" },
  /** Understood but not allowed in the current state or configuration. */
  UNPROCESSABLE: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  /** Too many requests from this caller. */
  TOO_MANY_REQUESTS: { http: 429, trpc: "TOO_MANY_REQUESTS" },
  /** A dependency (database, queue, remote API) is unavailable. */
  UNAVAILABLE: { http: 503, trpc: "SERVICE_UNAVAILABLE" },
  /** A bug or an unexpected failure. */
  INTERNAL: { http: 500, trpc: "INTERNAL_SERVER_ERROR" },
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_CODES;

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly details?: unknown;

  constructor(code: TAppErrorCode, opts: { message: string; details?: unknown; cause?: unknown }) {
    super(opts.message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
  }

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code].http;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === "AppError" && "code" in e);
}

/** HTTP status for an AppError code. */
export function httpStatusOf(code: TAppErrorCode): number {
  return APP_ERROR_CODES[code].http;
}

/** The JSON body every error answer carries. */
export type TErrorBody = { error: { code: string; message: string; details?: unknown } };

export function errorBody(code: string, message: string, details?: unknown): TErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
