import type { TErrorBody } from "@/server/errors";
import { validationMessage, type TFieldIssue } from "@/server/trpc/error-mapping";

/** The adapter's error body: the tRPC error shape plus its own `code`/`message`/`issues`. */
type TAdapterErrorBody = {
  message?: unknown;
  code?: unknown;
  data?: { appCode?: unknown; httpStatus?: unknown; details?: unknown };
};

function isFieldIssues(value: unknown): value is TFieldIssue[] {
  return Array.isArray(value) && value.every((i) => typeof (i as TFieldIssue | null)?.path === "string");
}

function parse(raw: string): TAdapterErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null ? (value as TAdapterErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Rewrites an error answer of the OpenAPI adapter into `{ error: { code,
 * message, details? } }`. Status, code and message come from our error
 * formatter (`data.httpStatus`, `data.appCode`), which already hides internals.
 */
export function reshapeAdapterError(status: number, raw: string): { status: number; body: TErrorBody } {
  const parsed = parse(raw);
  const data = parsed?.data;
  if (!parsed || typeof data?.appCode !== "string") {
    return { status: status >= 400 ? status : 500, body: { error: { code: "INTERNAL", message: "Internal server error" } } };
  }
  const error: TErrorBody["error"] = {
    code: data.appCode,
    message: typeof parsed.message === "string" ? parsed.message : "Request failed",
  };
  // The adapter puts its own generic message on validation errors; ours names the field.
  if (data.appCode === "BAD_REQUEST" && isFieldIssues(data.details)) error.message = validationMessage(data.details);
  if (data.details !== undefined) error.details = data.details;
  return { status: typeof data.httpStatus === "number" ? data.httpStatus : status, body: { error } };
}
