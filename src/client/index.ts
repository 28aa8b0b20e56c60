import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../server/trpc/root";

export type { AppRouter };
export { TRPCClientError };

export type TEmbarkClientOptions = {
  /** Where Embark is served, e.g. `https://embark.example.com`. */
  url: string;
  /** An API key (`emb_...`) or the internal key; sent as `Authorization: Bearer`. */
  apiKey: string;
  /** A fetch implementation, for runtimes or tests that bring their own. */
  fetch?: typeof globalThis.fetch;
};

/**
 * A typed client for Embark's API: `await client.system.whoami.query()`.
 * Errors are `TRPCClientError`s; `error.data.appCode` holds Embark's code.
 */
export function createEmbarkClient(opts: TEmbarkClientOptions) {
  const base = opts.url.replace(/\/+$/, "");
  const authorization = `Bearer ${opts.apiKey}`;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/api/trpc`,
        transformer: superjson,
        headers: () => ({ authorization }),
        fetch: opts.fetch,
      }),
    ],
  });
}

export type TEmbarkClient = ReturnType<typeof createEmbarkClient>;
