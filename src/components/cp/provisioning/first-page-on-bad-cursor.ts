import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";

/**
 * Loads a keyset page; a cursor the server refuses (edited or stale link) leads
 * back to the newest page with the same filters instead of an error page.
 */
export async function firstPageOnBadCursor<T>(cursor: string | undefined, firstPageHref: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (cursor && e instanceof TRPCError && e.code === "BAD_REQUEST") redirect(firstPageHref);
    throw e;
  }
}
