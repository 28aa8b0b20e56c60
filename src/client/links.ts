import { httpBatchLink, type TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";

/** A router whose responses go through a transformer (Embark's: superjson). */
type TTransformedRouter = AnyTRPCRouter & { _def: { _config: { $types: { transformer: true } } } };
import superjson from "superjson";
import { TRPC_MAX_BATCH_SIZE } from "./batch-limit";

export type TEmbarkClientOptions = {
  /** Where Embark is served, e.g. `https://embark.example.com`. */
  url: string;
  /** An API key (`emb_...`) or the internal key; sent as `Authorization: Bearer`. */
  apiKey: string;
  /** A fetch implementation, for runtimes or tests that bring their own. */
  fetch?: typeof globalThis.fetch;
};

/** The links every Embark client uses: batched HTTP to `/api/trpc`, superjson, the key as a bearer token. */
export function embarkLinks(opts: TEmbarkClientOptions): TRPCLink<TTransformedRouter>[] {
  const base = opts.url.replace(/\/+$/, "");
  const authorization = `Bearer ${opts.apiKey}`;
  return [
    httpBatchLink<TTransformedRouter>({
      url: `${base}/api/trpc`,
      transformer: superjson,
      headers: () => ({ authorization }),
      fetch: opts.fetch,
      maxItems: TRPC_MAX_BATCH_SIZE,
    }),
  ];
}
