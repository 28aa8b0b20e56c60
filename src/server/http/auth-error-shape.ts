import { APP_ERROR_CODES } from "@/server/errors";

const CODE_BY_STATUS = new Map<number, string>(Object.entries(APP_ERROR_CODES).map(([code, { http }]) => [http, code]));

function codeForStatus(status: number): string {
  if (status === 405) return "METHOD_NOT_ALLOWED";
  return CODE_BY_STATUS.get(status) ?? (status >= 500 ? "INTERNAL" : "BAD_REQUEST");
}

/**
 * better-auth answers errors as `{ message, code }` (or with no body). This
 * rewrites them into Embark's `{ error: { code, message } }`, keeping the
 * top-level `code` and `message` too, which better-auth's own browser client
 * reads. Headers (a rate limit's `X-Retry-After`) are kept.
 */
export async function withEmbarkErrorShape(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const raw = await response.text();
  let parsed: { code?: unknown; message?: unknown } = {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === "object" && value !== null) parsed = value as typeof parsed;
  } catch {
    // not JSON: the status alone says what happened
  }
  const code = typeof parsed.code === "string" && parsed.code ? parsed.code : codeForStatus(response.status);
  const message =
    typeof parsed.message === "string" && parsed.message
      ? parsed.message
      : response.status === 404
        ? "No such auth endpoint"
        : response.statusText || "Request failed";
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return new Response(JSON.stringify({ error: { code, message }, code, message }), { status: response.status, headers });
}
