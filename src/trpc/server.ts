import { headers } from "next/headers";
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
