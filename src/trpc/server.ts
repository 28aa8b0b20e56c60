import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

/** One context per server render, built from the incoming request's headers. */
const createRscContext = cache(async () => createContext({ headers: new Headers(await headers()) }));

/** The signed-in user of this render, from the same context the caller uses (one session lookup per render). */
export async function currentSessionUser() {
  const { principal } = await createRscContext();
  return principal.kind === "user" ? principal.user : null;
}

/**
 * Server-side caller for React Server Components: `await api.system.whoami()`.
 * Errors are TRPCErrors whose code follows the AppError table.
 */
export const api = createCaller(createRscContext);

/**
 * For a detail page's `.catch`: the page's 404 when the thing does not exist
 * (and, with `malformedIdToo`, when the id is malformed and so cannot name
 * one); any other error is thrown on.
 */
export function notFoundOr(opts: { malformedIdToo: boolean }): (e: unknown) => never {
  return (e) => {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || (opts.malformedIdToo && e.code === "BAD_REQUEST"))) notFound();
    throw e;
  };
}
