import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext, requestIdFrom } from "./context";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

/** Serves the tRPC transport (batched, superjson) for the browser and the typed client. */
export async function handleTrpcRequest(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const res = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers, requestId }),
  });
  res.headers.set("x-request-id", requestId);
  res.headers.set("cache-control", "no-store");
  return res;
}
