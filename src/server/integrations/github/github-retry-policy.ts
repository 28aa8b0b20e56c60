/** How often and how patiently a GitHub call is retried. */
export type TRetryPolicy = { attempts: number; baseDelayMs: number; maxDelayMs: number };

/** What a failed GitHub call means for the next attempt. */
export type TGithubFailure =
  /** GitHub answered no; the same request will be refused again. */
  | { kind: "rejected"; status: number; githubMessage: string }
  /** GitHub answered, but not for good (5xx, rate limits): try again, maybe after `hintMs`. */
  | { kind: "transient"; status: number; githubMessage: string; hintMs: number | null }
  /** The request never reached GitHub (refused connection, unknown host). */
  | { kind: "unsent"; message: string }
  /** No answer after the request went out: GitHub may have acted on it. */
  | { kind: "unanswered"; message: string };

type THttpishError = { status?: unknown; message?: unknown; response?: { headers?: Record<string, unknown>; data?: unknown } };

// Connection-level failures raised before a single byte of the request is sent.
const UNSENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/** Classifies an Octokit error (or anything thrown by fetch). */
export function classifyGithubFailure(err: unknown, now = Date.now()): TGithubFailure {
  const e = (err ?? {}) as THttpishError;
  if (!e.response || typeof e.status !== "number") {
    const code = errorCodeInChain(err);
    const message = describeCause(err);
    return code && UNSENT_CODES.has(code) ? { kind: "unsent", message } : { kind: "unanswered", message };
  }
  const status = e.status;
  const headers = e.response.headers ?? {};
  const githubMessage = githubMessageOf(e.response.data) ?? (typeof e.message === "string" ? e.message : `HTTP ${status}`);
  const rateLimited =
    status === 429 || (status === 403 && (String(headers["x-ratelimit-remaining"]) === "0" || /rate limit/i.test(githubMessage)));
  if (status >= 500 || rateLimited) return { kind: "transient", status, githubMessage, hintMs: waitHintMs(headers, now) };
  return { kind: "rejected", status, githubMessage };
}

/**
 * Exponential backoff with jitter; GitHub's own hint (`retry-after`,
 * `x-ratelimit-reset`) wins when longer, but nothing waits past `maxDelayMs`:
 * a long rate-limit window is the background job's retry to sit out, not ours.
 */
export function retryDelayMs(attempt: number, policy: TRetryPolicy, hintMs: number | null, random = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.round(Math.min(policy.maxDelayMs, Math.max(jittered, hintMs ?? 0)));
}

/** How long GitHub asked us to wait, from `retry-after` (seconds or a date) or `x-ratelimit-reset` (epoch seconds). */
export function waitHintMs(headers: Record<string, unknown>, now = Date.now()): number | null {
  const retryAfter = headers["retry-after"];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(String(retryAfter));
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = Number(headers["x-ratelimit-reset"]);
  if (String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  return null;
}

function githubMessageOf(data: unknown): string | null {
  if (typeof data === "string" && data.trim()) return data.trim().slice(0, 500);
  if (!data || typeof data !== "object" || !("message" in data) || typeof data.message !== "string") return null;
  const details = "errors" in data && Array.isArray(data.errors) ? data.errors.map(errorDetail).filter(Boolean) : [];
  return details.length ? `${data.message} (${details.join("; ")})` : data.message;
}

function errorDetail(item: unknown): string {
  if (typeof item === "string") return item;
  if (item && typeof item === "object" && "message" in item && typeof item.message === "string") return item.message;
  return "";
}

function errorCodeInChain(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
}

function describeCause(err: unknown): string {
  const parts: string[] = [];
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message, code } = e as { name?: unknown; message?: unknown; code?: unknown };
    const text = [typeof code === "string" ? code : typeof name === "string" && name !== "Error" ? name : "", typeof message === "string" ? message : ""]
      .filter(Boolean)
      .join(": ");
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(" <- ") || String(err);
}
