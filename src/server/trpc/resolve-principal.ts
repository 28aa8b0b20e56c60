import { env } from "@/env";
import { getSessionUser, type TSessionUser } from "@/server/auth/session";
import { verifyApiKey } from "@/server/services/api-keys/verify-api-key";
import { verifyCallbackToken } from "@/server/services/provisioning/verify-callback-token";
import { CALLBACK_TOKEN_PREFIX } from "@/server/services/provisioning/ids";
import { DEPLOY_TOKEN_PREFIX } from "@/server/services/onboarding/deploy-token";
import { verifyDeployToken } from "@/server/services/onboarding/verify-deploy-token";
import { secretsEqual } from "./constant-time";
import type { TCredentialProblem, TPrincipal } from "./principal";

export type TSessionResolver = (headers: Headers) => Promise<TSessionUser | null>;

/**
 * The token of an `Authorization: Bearer ...` header; "" when it is malformed.
 * Other schemes are not ours (a proxy's Basic auth in front of a staging site)
 * and are ignored.
 */
export function bearerTokenOf(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (value === null || !/^Bearer(\s|$)/i.test(value)) return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(value);
  return match ? match[1]! : "";
}

/**
 * A bearer token wins over a session cookie: service callers never carry
 * cookies, and a browser never sends a bearer token.
 */
export async function resolvePrincipal(opts: {
  headers: Headers;
  resolveSessionUser?: TSessionResolver;
  /** Defaults to INTERNAL_API_KEY. */
  internalApiKey?: string;
}): Promise<{ principal: TPrincipal; credentialProblem?: TCredentialProblem }> {
  const token = bearerTokenOf(opts.headers);
  if (token !== null) {
    if (token === "") return { principal: { kind: "anonymous" }, credentialProblem: "invalid_token" };
    if (secretsEqual(token, opts.internalApiKey ?? env().INTERNAL_API_KEY)) return { principal: { kind: "internal" } };
    if (token.startsWith(CALLBACK_TOKEN_PREFIX)) {
      const jobId = await verifyCallbackToken({ token });
      return jobId
        ? { principal: { kind: "jobToken", jobId } }
        : { principal: { kind: "anonymous" }, credentialProblem: "invalid_token" };
    }
    if (token.startsWith(DEPLOY_TOKEN_PREFIX)) {
      const onboardingId = await verifyDeployToken({ token });
      return onboardingId
        ? { principal: { kind: "deployToken", onboardingId } }
        : { principal: { kind: "anonymous" }, credentialProblem: "invalid_token" };
    }
    const verified = await verifyApiKey({ key: token });
    if (verified.status === "valid") {
      const { id, name, scopes } = verified.key;
      return { principal: { kind: "apiKey", keyId: id, name, scopes } };
    }
    return {
      principal: { kind: "anonymous" },
      credentialProblem: verified.status === "revoked" ? "revoked_key" : "invalid_token",
    };
  }
  if (!opts.headers.has("cookie")) return { principal: { kind: "anonymous" } };
  const user = await (opts.resolveSessionUser ?? getSessionUser)(opts.headers);
  return { principal: user ? { kind: "user", user } : { kind: "anonymous" } };
}
