import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_MAX_BATCH_SIZE } from "@/client/batch-limit";
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
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: () => createContext({ headers: req.headers, requestId }),
  });
  // tRPC answers what fails before any procedure runs (an unsupported content-type, a batch
  // mixing queries and mutations) with a JSON error body but a text/plain content-type.
  if (res.status >= 400 && res.body !== null && !res.headers.get("content-type")?.startsWith("application/json")) {
    res.headers.set("content-type", "application/json");
  }
  res.headers.set("x-request-id", requestId);
  res.headers.set("cache-control", "no-store");
  return res;
}
