import type { TOperatorRole } from "../../src/server/auth/roles";
import type { TApiKeyScope } from "../../src/server/services/api-keys/scopes";

/**
 * Who may call what: one rule for every tRPC procedure and every operation of
 * the OpenAPI document. The authorisation matrix
 * (src/server/trpc/auth-matrix.int.test.ts) calls each of them as every kind
 * of caller below and checks the answer against its rule; a procedure or
 * operation without a rule, or a rule naming one that no longer exists, fails it.
 */

/** The kinds of caller the matrix plays, each with a real credential. */
export const CALLER_KINDS = [
  /** No credentials at all. */
  "anonymous",
  /** A signed-in wizard user (role `user`) who owns nothing the call names. */
  "user",
  /** The wizard user who created the tenant, onboarding or portal domain the call names. */
  "owner",
  /** Signed-in operators by role. */
  "viewer",
  "operator",
  "admin",
  /** `Authorization: Bearer <INTERNAL_API_KEY>`. */
  "internal",
  /** An API key holding the rule's scope (when the rule names none: a key with an unrelated narrow scope). */
  "scopedKey",
  /** An API key holding a scope other than the rule's. */
  "otherKey",
  /** A provision job's callback token (the job the call names, where it names one). */
  "jobToken",
  /** An onboarding's deploy token (the onboarding the call names, where it names one). */
  "deployToken",
  /** A redeemed appliance's credential (licensing check-in). */
  "appliance",
  // Credentials that must open nothing but public procedures.
  /** Another provision job's callback token. */
  "foreignJobToken",
  /** Another onboarding's deploy token. */
  "foreignDeployToken",
  /** A revoked API key that held `*`. */
  "revokedKey",
  /** The session of an admin disabled since signing in. */
  "disabledAdmin",
] as const;
export type TCallerKind = (typeof CALLER_KINDS)[number];

export type TAccessRule = {
  /** Callers that must get past the guards: their answer is never 401 or 403. */
  allow: readonly TCallerKind[];
  /** The API key scope the guard asks for; `scopedKey` holds it, `otherKey` does not. */
  scope?: TApiKeyScope;
  /**
   * Refused callers that must get 404, not 401/403: the design hides whether
   * the resource exists (another customer's onboarding, job, tenant or portal
   * domain). An allowed caller must then not get 404 either, which proves the
   * call names a real resource.
   */
  hidden?: readonly TCallerKind[];
};

const OPERATORS_FROM: Record<TOperatorRole, readonly TCallerKind[]> = {
  viewer: ["viewer", "operator", "admin"],
  operator: ["operator", "admin"],
  admin: ["admin"],
};
const KEYS: readonly TCallerKind[] = ["internal", "scopedKey", "otherKey"];

/** Anyone: the guard lets every caller in (the procedure may still check its own input). */
const PUBLIC: TAccessRule = { allow: CALLER_KINDS };
/** `userProcedure` (who-am-I only): any signed-in person, any API key, the internal key; never a callback token. */
const SIGNED_IN: TAccessRule = { allow: ["user", "owner", ...OPERATORS_FROM.viewer, ...KEYS] };
/** `customerProcedure(scope)`: any signed-in person, the internal key, a key holding `scope`; never a callback token. */
const customerRule = (scope: TApiKeyScope): TAccessRule => ({ allow: ["user", "owner", ...OPERATORS_FROM.viewer, "internal", "scopedKey"], scope });
/** `operatorProcedure(role)`: a signed-in operator of at least `role`. */
const operatorRule = (role: TOperatorRole): TAccessRule => ({ allow: OPERATORS_FROM[role] });
/** `internalProcedure(scope)`: the internal key or a key holding `scope`. */
const serviceRule = (scope: TApiKeyScope): TAccessRule => ({ allow: ["internal", "scopedKey"], scope });
/** A customer's own resource: its owner, operators of at least `role`, the internal key and keys holding `scope`; other customers see a 404. */
const ownedRule = (role: TOperatorRole, scope: TApiKeyScope, alsoHiddenFrom: readonly TCallerKind[] = []): TAccessRule => ({
  allow: ["owner", ...OPERATORS_FROM[role], "internal", "scopedKey"],
  scope,
  hidden: ["user", ...alsoHiddenFrom],
});
/** A workflow's callback: the internal key, a key with `scope`, or the run's own token. */
const callbackRule = (scope: TApiKeyScope, token: TCallerKind): TAccessRule => ({ allow: ["internal", "scopedKey", token], scope });

const VIEWER = operatorRule("viewer");
const OPERATOR = operatorRule("operator");
const ADMIN = operatorRule("admin");

// Shared by the tRPC procedure and its REST operation.
const WHOAMI_INTERNAL = serviceRule("system:read");
const TENANT_CREATE = customerRule("tenants:write");
const ONBOARDING_CREATE = customerRule("onboarding:write");
const PROVISION_CALLBACK = callbackRule("provision:callback", "jobToken");
const DEPLOY_CALLBACK = callbackRule("onboarding:callback", "deployToken");
const JOB = ownedRule("viewer", "jobs:read");
const ONBOARDING_READ = ownedRule("viewer", "onboarding:read");
/** Resuming is a write: a viewer may look at the session but is answered as if it did not exist. */
const ONBOARDING_RESUME = ownedRule("operator", "onboarding:write", ["viewer"]);
const PORTAL_DOMAIN_READ = ownedRule("viewer", "portal-domains:read");
/** Adding or disabling a domain is a write: viewers are refused (403), other customers see a 404. */
const PORTAL_DOMAIN_WRITE = ownedRule("operator", "portal-domains:write");
/** Only the holder of a redeemed appliance's credential: everyone else gets 401. */
const APPLIANCE_CHECK_IN: TAccessRule = { allow: ["appliance"] };

/** Every tRPC procedure, by its path in the app router. */
export const PROCEDURE_RULES: Record<string, TAccessRule> = {
  "system.whoami": SIGNED_IN,
  "system.internalWhoami": WHOAMI_INTERNAL,
  "apiKeys.list": ADMIN,
  "apiKeys.create": ADMIN,
  "apiKeys.revoke": ADMIN,
  "audit.list": VIEWER,
  "ops.overview": VIEWER,
  "ops.outbox.list": VIEWER,
  "ops.outbox.get": VIEWER,
  "ops.outbox.reveal": ADMIN,
  "ops.outbox.retry": OPERATOR,
  "operators.list": VIEWER,
  "operators.create": ADMIN,
  "operators.setDisabled": ADMIN,
  "operators.resetPassword": ADMIN,
  "operators.changeOwnPassword": VIEWER,
  "tenants.create": TENANT_CREATE,
  "tenants.checkSlug": PUBLIC,
  "tenants.list": VIEWER,
  "jobs.get": JOB,
  "jobs.complete": PROVISION_CALLBACK,
  "jobs.list": VIEWER,
  "jobs.detail": VIEWER,
  "jobs.retry": OPERATOR,
  "trace.record": serviceRule("trace:write"),
  "trace.get": serviceRule("trace:read"),
  "trace.find": VIEWER,
  "trace.timeline": VIEWER,
  "funnel.ingest": serviceRule("funnel:write"),
  "funnel.list": serviceRule("funnel:read"),
  "funnel.stats": VIEWER,
  "nodes.register": serviceRule("nodes:write"),
  "nodes.get": serviceRule("nodes:read"),
  "nodes.list": VIEWER,
  "placement.compute": serviceRule("placement:compute"),
  "onboarding.create": ONBOARDING_CREATE,
  "onboarding.get": ONBOARDING_READ,
  "onboarding.patch": serviceRule("onboarding:write"),
  "onboarding.resume": ONBOARDING_RESUME,
  "onboarding.deployComplete": DEPLOY_CALLBACK,
  "onboarding.list": VIEWER,
  "onboarding.mine": customerRule("onboarding:read"),
  "onboarding.plans": PUBLIC,
  "webhooks.listEndpoints": VIEWER,
  "webhooks.createEndpoint": ADMIN,
  "webhooks.updateEndpoint": ADMIN,
  "webhooks.deleteEndpoint": ADMIN,
  "webhooks.rotateSecret": ADMIN,
  "webhooks.listDeliveries": VIEWER,
  "webhooks.delivery": VIEWER,
  "webhooks.replay": OPERATOR,
  "portalDomains.submit": PORTAL_DOMAIN_WRITE,
  "portalDomains.get": PORTAL_DOMAIN_READ,
  "portalDomains.disable": PORTAL_DOMAIN_WRITE,
  "portalDomains.reconcile": serviceRule("portal-domains:reconcile"),
  "portalDomains.reconcileAsOperator": OPERATOR,
  "portalDomains.list": VIEWER,
  "portalDomains.detail": VIEWER,
  "portalDomains.mine": customerRule("portal-domains:read"),
  "portalDomains.openAlerts": VIEWER,
  "licensing.registerTenant": serviceRule("license:admin"),
  "licensing.reissue": serviceRule("license:admin"),
  "licensing.redeem": PUBLIC,
  "licensing.checkIn": APPLIANCE_CHECK_IN,
  "licensing.revokeEntitlement": OPERATOR,
  "licensing.revokeAppliance": OPERATOR,
  "licensing.orderEditions": PUBLIC,
  "licensing.order": PUBLIC,
  "licensing.orderStatus": PUBLIC,
  "licensing.orderReissue": PUBLIC,
  "licensing.overview": VIEWER,
  "licensing.operatorReissue": OPERATOR,
};

/** Every operation of the OpenAPI document, as `METHOD /path` the way the document writes it. */
export const OPERATION_RULES: Record<string, TAccessRule> = {
  "GET /api/health": PUBLIC,
  "GET /internal/whoami": WHOAMI_INTERNAL,
  "POST /v1/tenants": TENANT_CREATE,
  "GET /v1/tenants/slug-availability": PUBLIC,
  "GET /v1/jobs/{job_id}": JOB,
  "POST /internal/provision-complete": PROVISION_CALLBACK,
  "POST /internal/trace-events": serviceRule("trace:write"),
  "GET /internal/trace/{trace_id}": serviceRule("trace:read"),
  "POST /internal/funnel-events/ingest": serviceRule("funnel:write"),
  "GET /internal/funnel-events": serviceRule("funnel:read"),
  "POST /internal/nodes": serviceRule("nodes:write"),
  "GET /internal/nodes/{node_id}": serviceRule("nodes:read"),
  "POST /internal/placement/compute": serviceRule("placement:compute"),
  "POST /api/v1/onboarding": ONBOARDING_CREATE,
  "GET /api/v1/onboarding/{id}": ONBOARDING_READ,
  "PATCH /api/v1/onboarding/{id}": serviceRule("onboarding:write"),
  "POST /api/v1/onboarding/{id}/resume": ONBOARDING_RESUME,
  "POST /internal/onboarding/{id}/deploy-complete": DEPLOY_CALLBACK,
  "POST /v1/tenants/{tenant_id}/portal-domains": PORTAL_DOMAIN_WRITE,
  "GET /v1/portal-domains/{id}": PORTAL_DOMAIN_READ,
  "DELETE /v1/portal-domains/{id}": PORTAL_DOMAIN_WRITE,
  "POST /internal/portal-domains/{id}/reconcile": serviceRule("portal-domains:reconcile"),
  "POST /internal/license/register-tenant": serviceRule("license:admin"),
  "POST /internal/license/install-codes/reissue": serviceRule("license:admin"),
  "POST /v1/license/register": PUBLIC,
  "POST /v1/license/check-in": APPLIANCE_CHECK_IN,
};
