import { createHash } from "node:crypto";

/**
 * Session tokens are kept in the database only as digests: a leaked `sessions`
 * table must not be a list of live cookies. These pure helpers rewrite Prisma
 * arguments (plain token -> digest) and results (digest -> plain token, when
 * the caller supplied the plain one) for the `session` model.
 */

const PREFIX = "sha256:";
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The stored form of a session token. */
export function digestSessionToken(token: string): string {
  return PREFIX + createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * True for a value that is already a digest. Such values pass through
 * unchanged: better-auth lists sessions (digests only) and may revoke one of
 * them by that value. A digest can never be presented as a session cookie,
 * because the cookie is signed with AUTH_SECRET.
 */
export function isSessionTokenDigest(value: string): boolean {
  return DIGEST.test(value);
}

/** Digest -> plain token, for every plain token seen in one query's arguments. */
export type TTokenMemo = Map<string, string>;

function digestOf(value: unknown, memo: TTokenMemo): unknown {
  if (typeof value !== "string" || isSessionTokenDigest(value)) return value;
  const digest = digestSessionToken(value);
  memo.set(digest, value);
  return digest;
}

const EQUALITY_KEYS = new Set(["equals", "not", "in", "notIn", "set"]);

function rewriteTokenFilter(filter: unknown, memo: TTokenMemo): unknown {
  if (filter === null || typeof filter !== "object") return digestOf(filter, memo);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (!EQUALITY_KEYS.has(key)) {
      // contains/startsWith/lt... cannot be answered over digests.
      throw new Error(`session token filter "${key}" is not supported: tokens are stored as digests`);
    }
    if (Array.isArray(value)) out[key] = value.map((v) => digestOf(v, memo));
    else if (key === "not" && value !== null && typeof value === "object") out[key] = rewriteTokenFilter(value, memo);
    else out[key] = digestOf(value, memo);
  }
  return out;
}

/** Rewrites a `where` (or `cursor`) tree so every `token` condition compares digests. */
export function rewriteSessionWhere(where: unknown, memo: TTokenMemo): unknown {
  if (Array.isArray(where)) return where.map((w) => rewriteSessionWhere(w, memo));
  if (where === null || typeof where !== "object") return where;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === "token") out[key] = rewriteTokenFilter(value, memo);
    else if (key === "AND" || key === "OR" || key === "NOT") out[key] = rewriteSessionWhere(value, memo);
    else out[key] = value;
  }
  return out;
}

/** Rewrites `data` of a create/update (one object or a createMany list). */
export function rewriteSessionData(data: unknown, memo: TTokenMemo): unknown {
  if (Array.isArray(data)) return data.map((d) => rewriteSessionData(d, memo));
  if (data === null || typeof data !== "object" || !("token" in data)) return data;
  return { ...data, token: rewriteTokenFilter((data as { token: unknown }).token, memo) };
}

const WHERE_KEYS = ["where", "cursor"] as const;
const DATA_KEYS = ["data", "create", "update"] as const;

/** Rewrites one Prisma operation's arguments for the `session` model. */
export function rewriteSessionArgs<T>(args: T, memo: TTokenMemo): T {
  if (args === null || typeof args !== "object") return args;
  const out: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  for (const key of WHERE_KEYS) if (key in out) out[key] = rewriteSessionWhere(out[key], memo);
  for (const key of DATA_KEYS) if (key in out) out[key] = rewriteSessionData(out[key], memo);
  return out as T;
}

/**
 * Puts the plain token back into result rows whose digest the caller supplied,
 * so better-auth sets the cookie to the token (never to the digest) after a
 * create or a refresh. Rows found by other criteria keep the digest.
 */
export function restoreSessionTokens<T>(result: T, memo: TTokenMemo): T {
  if (memo.size === 0) return result;
  if (Array.isArray(result)) return result.map((r) => restoreSessionTokens(r, memo)) as T;
  if (result === null || typeof result !== "object" || !("token" in result)) return result;
  const token = (result as { token: unknown }).token;
  if (typeof token !== "string" || !memo.has(token)) return result;
  return { ...result, token: memo.get(token) };
}
