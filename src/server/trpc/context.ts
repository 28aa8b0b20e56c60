import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { logger } from "@/server/logger";
import type { TCredentialProblem, TPrincipal } from "./principal";
import { resolvePrincipal, type TSessionResolver } from "./resolve-principal";

/** What every procedure sees about its request. */
export type TContext = {
  requestId: string;
  log: Logger;
  principal: TPrincipal;
  /** Set when a credential was presented but refused; protected procedures answer 401 with it. */
  credentialProblem?: TCredentialProblem;
  /** The request headers, for procedures that honour e.g. `Idempotency-Key`. */
  headers: Headers;
};

// Caller-supplied ids end up in logs, so only plain tokens are kept.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is safe to log, otherwise a fresh one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Builds a context from known parts; for server-side callers and tests. */
export function createInnerContext(opts: {
  principal: TPrincipal;
  requestId?: string;
  headers?: Headers;
  credentialProblem?: TCredentialProblem;
}): TContext {
  const requestId = opts.requestId ?? randomUUID();
  return {
    requestId,
    log: logger.child({ requestId }),
    principal: opts.principal,
    credentialProblem: opts.credentialProblem,
    headers: opts.headers ?? new Headers(),
  };
}

/** Builds the context of an incoming request: request id, logger and principal. */
export async function createContext(opts: {
  headers: Headers;
  requestId?: string;
  resolveSessionUser?: TSessionResolver;
}): Promise<TContext> {
  const { principal, credentialProblem } = await resolvePrincipal(opts);
  return createInnerContext({
    principal,
    credentialProblem,
    headers: opts.headers,
    requestId: opts.requestId ?? requestIdFrom(opts.headers),
  });
}
