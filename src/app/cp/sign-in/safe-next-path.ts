/** Where a signed-in operator lands when no (usable) `next` was given. */
export const DEFAULT_NEXT_PATH = "/cp";

const PROBE_ORIGIN = "http://embark.invalid";

/**
 * The `next` redirect target, if it is a same-origin relative path; otherwise
 * `/cp`. Rejects absolute and protocol-relative URLs (`//evil.example`,
 * `/\evil.example`), control characters, and the sign-in page itself (a loop).
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return DEFAULT_NEXT_PATH;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return DEFAULT_NEXT_PATH;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  if (url.origin !== PROBE_ORIGIN) return DEFAULT_NEXT_PATH;
  if (url.pathname === "/cp/sign-in" || url.pathname.startsWith("/cp/sign-in/")) return DEFAULT_NEXT_PATH;
  return url.pathname + url.search + url.hash;
}
