const MAX = 500;

/**
 * A one-line account of a delivery failure for the outbox row: the SMTP code
 * and the server's answer, never credentials (URLs lose their userinfo).
 */
export function describeMailError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const parts: string[] = [];
  if (typeof e.code === "string") parts.push(e.code);
  if (typeof e.response === "string" && e.response) parts.push(e.response);
  else if (typeof e.message === "string" && e.message) parts.push(e.message);
  else parts.push(String(err));
  const text = parts
    .join(": ")
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^@\s/]*@/gi, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
