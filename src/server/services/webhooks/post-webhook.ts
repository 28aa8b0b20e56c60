/** How much of a receiver's answer is kept in the attempt log. */
export const RESPONSE_SNIPPET_CHARS = 500;
/** Bytes read from an answer at most: enough for the snippet, never a whole large body. */
const MAX_READ_BYTES = 4 * RESPONSE_SNIPPET_CHARS;

export type TPostResult = {
  /** The receiver answered 2xx. */
  ok: boolean;
  statusCode: number | null;
  /** Why it did not succeed, for operators; null on success. */
  error: string | null;
  responseSnippet: string | null;
  durationMs: number;
};

/**
 * One POST of a webhook body. Never throws: a timeout, a refused connection
 * or a non-2xx answer is a result like any other. Redirects are not followed
 * (a receiver that moved must be updated, not guessed at).
 */
export async function postWebhook(opts: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<TPostResult> {
  const started = performance.now();
  const signal = opts.signal
    ? AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), opts.signal])
    : AbortSignal.timeout(opts.timeoutMs);
  const elapsed = () => Math.round(performance.now() - started);
  let res: Response;
  try {
    res = await fetch(opts.url, { method: "POST", headers: opts.headers, body: opts.body, redirect: "manual", signal });
  } catch (err) {
    return { ok: false, statusCode: null, error: describeFetchError(err, opts.timeoutMs), responseSnippet: null, durationMs: elapsed() };
  }
  const responseSnippet = await readSnippet(res);
  const ok = res.status >= 200 && res.status < 300;
  return { ok, statusCode: res.status, error: ok ? null : describeStatus(res), responseSnippet, durationMs: elapsed() };
}

function describeStatus(res: Response): string {
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get("location");
    return `HTTP ${res.status}: redirect${location ? ` to ${location.slice(0, 200)}` : ""} not followed`;
  }
  return `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
}

/** The start of the answer as text; null when there is none or it could not be read in time. */
async function readSnippet(res: Response): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    while (bytes < MAX_READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.byteLength;
    }
  } catch {
    // The status is what counts; an answer cut off (or timed out) mid-body leaves what was read.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks).subarray(0, MAX_READ_BYTES));
  return text ? text.slice(0, RESPONSE_SNIPPET_CHARS) : null;
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  if (err instanceof Error && err.name === "AbortError") return "the attempt was interrupted (the worker stopped)";
  // undici reports "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, a TLS error) in the cause.
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.message) return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  return err instanceof Error ? err.message : String(err);
}
