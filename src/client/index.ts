import { createTRPCClient, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../server/trpc/root";
import { embarkLinks, type TEmbarkClientOptions } from "./links";

export type { AppRouter, TEmbarkClientOptions };
export { TRPCClientError };

/**
 * A typed client for Embark's API: `await client.system.whoami.query()`.
 * Errors are `TRPCClientError`s; `error.data.appCode` holds Embark's code.
 * Other apps install the same client as the `@embark/client` package (packages/client).
 */
export function createEmbarkClient(opts: TEmbarkClientOptions) {
  return createTRPCClient<AppRouter>({ links: embarkLinks(opts) });
}

export type TEmbarkClient = ReturnType<typeof createEmbarkClient>;
