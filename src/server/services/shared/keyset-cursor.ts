import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";

/** What the ops lists take: filters, a search term, and a keyset page. */
export type TListQuery = {
  db?: TDbOrTx;
  status?: string;
  region?: string;
  q?: string;
  limit: number;
  cursor?: string;
};

/** Position in a (createdAt desc, id desc) listing. */
export type TKeysetCursor = { createdAt: Date; id: string };

/** Opaque to callers so the ordering can change without breaking them. */
export function encodeKeysetCursor(cursor: TKeysetCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeKeysetCursor(value: string): TKeysetCursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("BAD_REQUEST", { message: "The cursor is not valid", details: { cursor: value } });
  }
  return { createdAt, id };
}

/** The where-clause of the page after `cursor`, in (createdAt desc, id desc) order; null for the first page. */
export function afterKeysetCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const c = decodeKeysetCursor(cursor);
  return { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] };
}

/** The first `limit` rows of `limit + 1` fetched, and the cursor of the next page when there is one. */
export function keysetPage<T extends TKeysetCursor>(rows: T[], limit: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeKeysetCursor(last) : null };
}

/** A search term as a UUID, when it is one (ids are matched exactly, names by part). */
export function asUuid(q: string): string | null {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q) ? q.toLowerCase() : null;
}

/** Rows of several keyset queries as one listing: (createdAt desc, id desc), each row once. */
export function newestFirst<T extends TKeysetCursor>(rows: T[]): T[] {
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  return unique.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * What a name search asks the trigram index for: each word of the term (3
 * characters or more, as pg_trgm splits words) and then the term itself,
 * every one a separate `contains` on the same column, ANDed; a one-word term
 * alone. The answer is the same (a name containing the term contains its
 * words), but GIN takes each condition as a key of its own and steps between
 * keys to the rows all of them match: the cost follows the term's rarest word.
 * One condition with every trigram of `kavoze-logistics` would also walk the
 * posting lists of `logistics`, which are in a share of all names, so a
 * lookup would grow with the table.
 */
export function searchParts(q: string): string[] {
  const words = [...new Set(q.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3))];
  return words.length === 0 || (words.length === 1 && words[0] === q) ? [q] : [...words.filter((w) => w !== q), q];
}
