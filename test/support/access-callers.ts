import { signInWithEmailCode, signInWithPassword } from "../../src/server/auth/testing/auth-requests";
import type { TOperatorRole } from "../../src/server/auth/roles";
import { db } from "../../src/server/db";
import { createApiKey } from "../../src/server/services/api-keys/create-api-key";
import { revokeApiKey } from "../../src/server/services/api-keys/revoke-api-key";
import { API_KEY_SCOPES, type TApiKeyScope } from "../../src/server/services/api-keys/scopes";
import { redeemInstallCode } from "../../src/server/services/licensing/redeem-install-code";
import { reissueInstallCode } from "../../src/server/services/licensing/reissue-install-code";
import { createOperator } from "../../src/server/services/operators/create-operator";
import { setOperatorDisabled } from "../../src/server/services/operators/set-operator-disabled";
import { mintDeployToken } from "../../src/server/services/onboarding/deploy-token";
import { mintCallbackToken } from "../../src/server/services/provisioning/ids";
import { createPaidTenant } from "../../src/server/services/licensing/licensing-test-support";
import { createContext } from "../../src/server/trpc/context";
import { createCaller } from "../../src/server/trpc/root";
import type { TAccessRule, TCallerKind } from "./access-rules";
import { TEST_INTERNAL_API_KEY } from "./test-env";

const PASSWORD = "matrix-password-correct-horse";
const ACTOR = { id: null, label: "auth-matrix" };

/** What the matrix's calls name: the owner's resources and the rows some procedures act on. */
export type TMatrixIds = {
  ownerId: string;
  strangerId: string;
  tenantId: string;
  jobId: string;
  traceId: string;
  onboardingId: string;
  portalDomainId: string;
  victimOperatorId: string;
  victimKeyId: string;
  outboxMessageId: string;
  registryTenantId: string;
};

/** A credential as a request carries it. */
export type TCredential = { cookie?: string; bearer?: string };

export type TMatrixSeed = {
  ids: TMatrixIds;
  /** The credential of `kind` for a call under `rule` (API keys depend on the rule's scope). */
  credentialOf(kind: TCallerKind, rule: TAccessRule): TCredential;
  /** The user id behind a signed-in caller kind, or null. */
  userIdOf(kind: TCallerKind): string | null;
};

/** Request headers carrying a credential. */
export function headersOf(credential: TCredential, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
    ...(credential.cookie ? { cookie: credential.cookie } : {}),
    ...(credential.bearer ? { authorization: `Bearer ${credential.bearer}` } : {}),
  };
}

/** A tRPC caller resolving its principal from real request headers, as the HTTP handler does. */
export async function callerWith(credential: TCredential) {
  return createCaller(await createContext({ headers: new Headers(headersOf(credential)) }));
}

async function signedInOperator(role: TOperatorRole, name: string = role): Promise<{ id: string; cookie: string }> {
  const email = `matrix.${name}@example.com`;
  const { id } = await createOperator({ email, name: `Matrix ${role}`, role, password: PASSWORD });
  const { response, cookie } = await signInWithPassword(email, PASSWORD);
  if (response.status !== 200) throw new Error(`the ${role} could not sign in: ${response.status}`);
  return { id, cookie };
}

async function signedInCustomer(name: string): Promise<{ id: string; cookie: string }> {
  const email = `matrix.${name}@example.com`;
  const cookie = await signInWithEmailCode(email);
  const { id } = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { id, cookie };
}

/** One key per scope, so each rule's caller holds exactly the scope it needs (or exactly another). */
async function keysByScope(): Promise<Map<TApiKeyScope, string>> {
  const keys = new Map<TApiKeyScope, string>();
  for (const scope of API_KEY_SCOPES.filter((s) => s !== "*")) {
    keys.set(scope, (await createApiKey({ name: `matrix ${scope}`, scopes: [scope], actor: ACTOR })).key);
  }
  return keys;
}

/** A provision job's callback token, as its dispatch hands it to the workflow run. */
async function callbackTokenOf(jobId: string): Promise<string> {
  const { token, tokenHash } = mintCallbackToken();
  await db().provisionJob.update({ where: { id: jobId }, data: { callbackTokenHash: tokenHash } });
  return token;
}

/** An onboarding's deploy token, as its deploy step hands it to the workflow run. */
async function deployTokenOf(onboardingId: string): Promise<string> {
  const { token, tokenHash } = mintDeployToken();
  await db().onboardingSession.update({ where: { id: onboardingId }, data: { deployTokenHash: tokenHash } });
  return token;
}

/** The owner's tenant (with its provision job), onboarding and portal domain, made through the real procedures. */
async function ownersResources(owner: { id: string; cookie: string }) {
  const asOwner = await callerWith({ cookie: owner.cookie });
  const tenant = await asOwner.tenants.create({ company_name: "Owner Widgets", subdomain_slug: "owner-widgets" });
  const onboarding = await asOwner.onboarding.create({ platformName: "Owner Platform", slug: "owner-platform", tier: "starter", userId: owner.id });
  const domain = await asOwner.portalDomains.submit({ tenant_id: tenant.tenant_id, domain: "portal.owner-widgets.example.com" });
  return {
    tenant,
    onboardingId: onboarding.onboardingId,
    portalDomainId: domain.id,
    jobToken: await callbackTokenOf(tenant.job_id),
    deployToken: await deployTokenOf(onboarding.onboardingId),
  };
}

/** Tokens of a job and an onboarding that are not the owner's. */
async function foreignTokens(strangerId: string): Promise<{ jobToken: string; deployToken: string }> {
  const internal = await callerWith({ bearer: TEST_INTERNAL_API_KEY });
  const tenant = await internal.tenants.create({ company_name: "Foreign Widgets", subdomain_slug: "foreign-widgets" });
  const onboarding = await internal.onboarding.create({ platformName: "Foreign Platform", slug: "foreign-platform", tier: "starter", userId: strangerId });
  return { jobToken: await callbackTokenOf(tenant.job_id), deployToken: await deployTokenOf(onboarding.onboardingId) };
}

/** A key that could do anything, revoked. */
async function revokedKey(): Promise<string> {
  const created = await createApiKey({ name: "matrix revoked", scopes: ["*"], actor: ACTOR });
  await revokeApiKey({ id: created.id, actor: ACTOR });
  return created.key;
}

/** The cookie of an admin who signed in and was then disabled by another admin. */
async function disabledAdminCookie(by: { id: string }): Promise<string> {
  const disabled = await signedInOperator("admin", "disabled-admin");
  await setOperatorDisabled({ id: disabled.id, disabled: true, actor: { id: by.id, label: "matrix.admin@example.com" } });
  return disabled.cookie;
}

/** A paid appliance tenant's code, redeemed: the appliance's credential. */
async function applianceCredential(): Promise<{ registryTenantId: string; credential: string }> {
  const { tenant } = await createPaidTenant();
  const { install_code } = await reissueInstallCode({ tenantId: tenant.id, actor: ACTOR });
  const redeemed = await redeemInstallCode({ input: { install_code, appliance_id: "matrix-appliance-1" }, headers: new Headers() });
  if (!redeemed.appliance_credential) throw new Error("a paid redeem answered no appliance credential");
  return { registryTenantId: tenant.id, credential: redeemed.appliance_credential };
}

/**
 * Every caller of the matrix with a real credential: sessions signed in
 * through the auth handler, API keys, jobs' callback tokens, onboardings'
 * deploy tokens and a redeemed appliance's credential; and credentials that
 * were real once (a revoked key, a disabled admin's session). Needs the job runtime
 * (sign-in codes and reconciliations are queued) and the licensing configuration.
 */
export async function seedMatrix(): Promise<TMatrixSeed> {
  const [viewer, operator, admin] = [await signedInOperator("viewer"), await signedInOperator("operator"), await signedInOperator("admin")];
  const victim = await createOperator({ email: "matrix.victim@example.com", name: "Victim", role: "viewer", password: PASSWORD });
  const owner = await signedInCustomer("owner");
  const stranger = await signedInCustomer("stranger");
  const keys = await keysByScope();
  const victimKey = await createApiKey({ name: "matrix victim", scopes: ["trace:read"], actor: ACTOR });
  const owned = await ownersResources(owner);
  const foreign = await foreignTokens(stranger.id);
  const appliance = await applianceCredential();
  const outbox = await db().outboxMessage.findFirstOrThrow({ select: { id: true } });

  const cookies: Partial<Record<TCallerKind, string>> = {
    user: stranger.cookie,
    owner: owner.cookie,
    viewer: viewer.cookie,
    operator: operator.cookie,
    admin: admin.cookie,
    disabledAdmin: await disabledAdminCookie(admin),
  };
  const userIds: Partial<Record<TCallerKind, string>> = {
    user: stranger.id,
    owner: owner.id,
    viewer: viewer.id,
    operator: operator.id,
    admin: admin.id,
  };
  const bearers: Partial<Record<TCallerKind, string>> = {
    internal: TEST_INTERNAL_API_KEY,
    jobToken: owned.jobToken,
    deployToken: owned.deployToken,
    appliance: appliance.credential,
    foreignJobToken: foreign.jobToken,
    foreignDeployToken: foreign.deployToken,
    revokedKey: await revokedKey(),
  };
  return {
    ids: {
      ownerId: owner.id,
      strangerId: stranger.id,
      tenantId: owned.tenant.tenant_id,
      jobId: owned.tenant.job_id,
      traceId: owned.tenant.trace_id,
      onboardingId: owned.onboardingId,
      portalDomainId: owned.portalDomainId,
      victimOperatorId: victim.id,
      victimKeyId: victimKey.id,
      outboxMessageId: outbox.id,
      registryTenantId: appliance.registryTenantId,
    },
    credentialOf(kind, rule) {
      if (kind === "scopedKey") return { bearer: keys.get(rule.scope ?? "nodes:read")! };
      if (kind === "otherKey") return { bearer: keys.get(rule.scope === "system:read" ? "trace:read" : "system:read")! };
      if (cookies[kind]) return { cookie: cookies[kind] };
      return bearers[kind] ? { bearer: bearers[kind] } : {};
    },
    userIdOf: (kind) => userIds[kind] ?? null,
  };
}
