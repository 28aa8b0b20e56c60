/**
 * @embark/client: a typed client for Embark's API.
 *
 *   const embark = createEmbarkClient({ url: "https://embark.example.com", apiKey: "emb_…" });
 *   const me = await embark.system.whoami.query();
 *
 * The router type comes from src/app-router.gen.ts, generated from the app's
 * own router at build time, so the types never drift and need none of the
 * server's code.
 */
import { createTRPCClient, TRPCClientError, type TRPCClient } from "@trpc/client";
import { embarkLinks, type TEmbarkClientOptions } from "../../../src/client/links";
import type { AppRouter } from "./app-router.gen";

export type { AppRouter, TEmbarkClientOptions };
export { TRPCClientError };

export type TEmbarkClient = TRPCClient<AppRouter>;

/** Errors are `TRPCClientError<AppRouter>`s; `error.data.appCode` holds Embark's code. */
export function createEmbarkClient(opts: TEmbarkClientOptions): TEmbarkClient {
  return createTRPCClient<AppRouter>({ links: embarkLinks(opts) });
}
