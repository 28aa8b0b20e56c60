import { AppError } from "@/server/errors";
import { hasOperatorRole, type TOperatorRole } from "@/server/auth/roles";
import { scopesAllow, type TApiKeyScope } from "@/server/services/api-keys/scopes";
import type { TContext } from "./context";
import { baseProcedure } from "./init";
import type { TAuthenticatedPrincipal } from "./principal";

function unauthenticated(ctx: TContext): AppError {
  const message =
    ctx.credentialProblem === "revoked_key"
      ? "This API key has been revoked"
      : ctx.credentialProblem === "invalid_token"
        ? "The bearer token is not a valid key"
        : "Authentication required";
  return new AppError("UNAUTHORIZED", { message });
}

/** Anyone, signed in or not. */
export const publicProcedure = baseProcedure;

function refuseCallbackTokens(principal: TContext["principal"]): void {
  if (principal.kind === "jobToken") {
    throw new AppError("FORBIDDEN", { message: "A job's callback token can only complete its job" });
  }
  if (principal.kind === "deployToken") {
    throw new AppError("FORBIDDEN", { message: "A deploy token can only report its onboarding's deploy" });
  }
}

/** A signed-in user, any API key, or the internal key (not a callback token): only for who-am-I. */
export const userProcedure = baseProcedure.use(({ ctx, next }) => {
  if (ctx.principal.kind === "anonymous") throw unauthenticated(ctx);
  refuseCallbackTokens(ctx.principal);
  return next({ ctx: { principal: ctx.principal as TAuthenticatedPrincipal } });
});

/**
 * The customer-facing surface: a signed-in user (the procedure checks what
 * they own), the internal key, or an API key holding `scope` (or `*`). A key
 * with only unrelated scopes is refused, so a `funnel:write` key cannot
 * create tenants.
 */
export function customerProcedure(scope: TApiKeyScope) {
  return baseProcedure.use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal.kind === "anonymous") throw unauthenticated(ctx);
    refuseCallbackTokens(principal);
    if (principal.kind === "apiKey" && !scopesAllow(principal.scopes, scope)) {
      throw new AppError("FORBIDDEN", { message: `This API key lacks the ${scope} scope`, details: { requiredScope: scope } });
    }
    return next({ ctx: { principal: principal as TAuthenticatedPrincipal } });
  });
}

/** A signed-in operator whose role is at least `minRole`. */
export function operatorProcedure(minRole: TOperatorRole) {
  return baseProcedure.use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal.kind === "anonymous") throw unauthenticated(ctx);
    if (principal.kind !== "user" || !hasOperatorRole(principal.user.role, minRole)) {
      throw new AppError("FORBIDDEN", { message: `This needs the ${minRole} role` });
    }
    return next({ ctx: { principal, user: principal.user } });
  });
}

/**
 * The internal key, or an API key holding `scope` (or `*`). Without a scope
 * only the internal key and `*` keys are let in.
 */
export function internalProcedure(scope?: TApiKeyScope) {
  return baseProcedure.use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal.kind === "anonymous") throw unauthenticated(ctx);
    if (principal.kind === "internal" || (principal.kind === "apiKey" && scopesAllow(principal.scopes, scope))) {
      return next({ ctx: { principal } });
    }
    const message =
      principal.kind === "apiKey"
        ? `This API key lacks the ${scope ?? "*"} scope`
        : "This needs the internal key or a scoped API key";
    throw new AppError("FORBIDDEN", { message, details: scope ? { requiredScope: scope } : undefined });
  });
}

/**
 * The workflow's callback: the internal key, an API key with
 * `provision:callback`, or a job's own callback token (which the procedure
 * checks against the job it names).
 */
export const callbackProcedure = baseProcedure.use(({ ctx, next }) => {
  const { principal } = ctx;
  if (principal.kind === "anonymous") throw unauthenticated(ctx);
  if (
    principal.kind === "internal" ||
    principal.kind === "jobToken" ||
    (principal.kind === "apiKey" && scopesAllow(principal.scopes, "provision:callback"))
  ) {
    return next({ ctx: { principal } });
  }
  throw new AppError("FORBIDDEN", {
    message: "This needs the internal key, a provision:callback key or the job's callback token",
    details: { requiredScope: "provision:callback" },
  });
});

/**
 * The deploy workflow's callback: the internal key, an API key with
 * `onboarding:callback`, or the onboarding's own deploy token (which the
 * procedure checks against the onboarding it names).
 */
export const deployCallbackProcedure = baseProcedure.use(({ ctx, next }) => {
  const { principal } = ctx;
  if (principal.kind === "anonymous") throw unauthenticated(ctx);
  if (
    principal.kind === "internal" ||
    principal.kind === "deployToken" ||
    (principal.kind === "apiKey" && scopesAllow(principal.scopes, "onboarding:callback"))
  ) {
    return next({ ctx: { principal } });
  }
  throw new AppError("FORBIDDEN", {
    message: "This needs the internal key, an onboarding:callback key or the onboarding's deploy token",
    details: { requiredScope: "onboarding:callback" },
  });
});
