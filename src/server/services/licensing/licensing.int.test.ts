import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodeProtectedHeader } from "jose";
import { peerAddressHeader } from "@/server/network/peer-address";
import { restCall } from "../../../../test/support/rest-call";
import { resetDatabase } from "../../../../test/support/db";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { handleJwksRequest } from "./jwks-route";
import { checkCharacter } from "./install-code-format";
import { INVALID_INSTALL_CODE_MESSAGE, REDEEM_RETRY_WINDOW_MS } from "./redeem-install-code";
import {
  createPaidTenant,
  TEST_SIGNING_SEED_A,
  TEST_SIGNING_SEED_B,
  applyLicensingEnv,
  verifyLicence,
} from "./licensing-test-support";

const registerTenant = (body: unknown) => restCall("POST", "/internal/license/register-tenant", { body });
const reissue = (body: unknown) => restCall("POST", "/internal/license/install-codes/reissue", { body });
const redeem = (install_code: string, appliance_id: string, headers: Record<string, string> = {}) =>
  restCall("POST", "/v1/license/register", { body: { install_code, appliance_id }, token: null, headers });
const checkIn = (credential: string | null) => restCall("POST", "/v1/license/check-in", { token: credential });

async function paidCode(opts: { edition?: "pro" | "premium" } = {}) {
  const { tenant, entitlement } = await createPaidTenant(opts);
  const res = await reissue({ tenant_id: tenant.id });
  expect(res.status).toBe(200);
  return { tenant, entitlement, code: res.body.install_code as string };
}

beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  applyLicensingEnv();
  await resetDatabase();
});

describe("register-tenant and essentials redeem", () => {
  it("registers an essentials tenant with a code, an ISO link reason and a sensitive email, then redeems it", async () => {
    const res = await registerTenant({ company_name: "Acme Ltd", contact_email: "  Ops@Acme.Example ", edition: "essentials" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      tenant_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      edition: "essentials",
      install_code: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      download_url: "",
      download_unavailable_reason: expect.stringContaining("OBJECT_STORE_ENDPOINT"),
    });
    const tenant = await db().registryTenant.findUniqueOrThrow({ where: { id: res.body.tenant_id } });
    expect(tenant.contactEmail).toBe("ops@acme.example");
    const code = await db().installCode.findFirstOrThrow({ where: { tenantId: tenant.id } });
    expect(code.entitlementId).toBeNull();
    expect(code.sealedCode).toBeNull();
    expect(code.codeDigest).not.toContain(res.body.install_code.replace(/-/g, ""));
    const mail = await db().outboxMessage.findUniqueOrThrow({ where: { id: code.outboxMessageId! } });
    expect(mail).toMatchObject({ to: "ops@acme.example", sensitive: true });
    expect(mail.body).not.toContain(res.body.install_code);
    // Hosted tenants are untouched: the registry is its own table.
    expect(await db().tenant.count()).toBe(0);

    const redeemed = await redeem(res.body.install_code.toLowerCase(), "machine-1");
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toEqual({ tenant_id: tenant.id, edition: "essentials", company_name: "Acme Ltd", contact_email: "ops@acme.example" });
    expect(await db().appliance.count()).toBe(0);
    expect((await db().registryTenant.findUniqueOrThrow({ where: { id: tenant.id } })).installedAt).not.toBeNull();
  });

  it("registers a paid tenant without a code until the checkout is paid", async () => {
    const res = await registerTenant({ company_name: "Paid Ltd", contact_email: "a@paid.example", edition: "premium" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ edition: "premium", install_code: null });
    expect(await db().installCode.count()).toBe(0);
  });

  it.each([
    [{ company_name: "Acme", contact_email: "not-an-email", edition: "essentials" }, "contact_email"],
    [{ company_name: "Acme", contact_email: "a@b.example", edition: "platinum" }, "edition"],
    [{ contact_email: "a@b.example", edition: "essentials" }, "company_name"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const res = await registerTenant(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(field);
  });

  it("needs the internal key or a license:admin key", async () => {
    const res = await restCall("POST", "/internal/license/register-tenant", {
      body: { company_name: "Acme", contact_email: "a@b.example", edition: "essentials" },
      token: null,
    });
    expect(res.status).toBe(401);
  });
});

describe("single use", () => {
  it("refuses a second redeem by another appliance with the generic error", async () => {
    const { body } = await registerTenant({ company_name: "Once", contact_email: "o@once.example", edition: "essentials" });
    expect((await redeem(body.install_code, "first")).status).toBe(200);
    const second = await redeem(body.install_code, "second");
    expect(second.status).toBe(422);
    expect(second.body.error.message).toBe(INVALID_INSTALL_CODE_MESSAGE);
  });

  it("lets exactly one of twenty concurrent redeems win", async () => {
    const { code } = await paidCode();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => redeem(code, `racer-${i}`)));
    const winners = answers.filter((a) => a.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(19);
    expect(await db().appliance.count()).toBe(1);
    expect(await db().licence.count()).toBe(1);
  });

  it("gives the same appliance the same answer when it repeats the redeem within the window, and only then", async () => {
    const { code } = await paidCode();
    const first = await redeem(code, "retrying-box");
    expect(first.status).toBe(200);
    const again = await redeem(code, "retrying-box");
    expect(again).toEqual(first);
    expect(await db().appliance.count()).toBe(1);
    // After the window the code is simply used.
    await db().installCode.updateMany({ data: { consumedAt: new Date(Date.now() - REDEEM_RETRY_WINDOW_MS - 1000) } });
    expect((await redeem(code, "retrying-box")).status).toBe(422);
  });

  it("gives expired, revoked, used and unknown codes one and the same error", async () => {
    const make = async (email: string) =>
      (await registerTenant({ company_name: "Same", contact_email: email, edition: "essentials" })).body.install_code as string;
    const expired = await make("x@expired.example");
    await db().installCode.updateMany({ where: { tenant: { contactEmail: "x@expired.example" } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await make("x@revoked.example");
    await reissue({ email: "x@revoked.example" });
    const used = await make("x@used.example");
    await redeem(used, "someone-else");
    const body = "ABCDEFGHJKM";
    const unknown = body + checkCharacter(body);
    const answers = await Promise.all([expired, revoked, used, unknown].map((c) => redeem(c, "probe")));
    for (const a of answers) {
      expect(a.status).toBe(422);
      expect(a.body).toEqual({ error: { code: "UNPROCESSABLE", message: INVALID_INSTALL_CODE_MESSAGE, details: { field: "install_code" } } });
    }
  });

  it("catches a mistyped code by its check character before any lookup", async () => {
    const { body } = await registerTenant({ company_name: "Typo", contact_email: "t@typo.example", edition: "essentials" });
    const code = body.install_code as string;
    const typo = code.slice(0, 5) + (code[5] === "X" ? "Y" : "X") + code.slice(6);
    const res = await redeem(typo, "box");
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ field: "install_code", problem: "check_character" });
    expect((await db().installCode.findFirstOrThrow()).consumedAt).toBeNull();
    expect((await redeem(code, "box")).status).toBe(200);
  });
});

describe("paid redeem, licences and check-in", () => {
  it("registers the appliance with a credential and a licence that verifies against the JWKS", async () => {
    const { tenant, entitlement, code } = await paidCode({ edition: "premium" });
    const res = await redeem(code, "box-1");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tenant_id: tenant.id,
      edition: "premium",
      appliance_credential: expect.stringMatching(/^apc_apl_/),
      check_in_url: "http://localhost:3000/v1/license/check-in",
    });
    const claims = await verifyLicence(res.body.first_jwt, tenant.id);
    expect(claims).toMatchObject({ aud: tenant.id, sub: "box-1", edition: "premium", entitlement_id: entitlement.id, entitlement_status: "active", status: "active" });
    expect(claims.jti).toMatch(/^lic_/);
    expect(claims.exp! - claims.iat!).toBe(30 * 86_400);
    const appliance = await db().appliance.findFirstOrThrow();
    expect(appliance.credentialHash).not.toContain(res.body.appliance_credential.split(".")[1]);

    const checked = await checkIn(res.body.appliance_credential);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ status: "active", tenant_id: tenant.id });
    const next = await verifyLicence(checked.body.jwt, tenant.id);
    expect(next.aud).toBe(tenant.id);
    expect(next.jti).not.toBe(claims.jti);
  });

  it("says revoked in the next licence once an operator revokes the entitlement, and lapsed when the subscription ends", async () => {
    const { tenant, entitlement, code } = await paidCode();
    const { body } = await redeem(code, "box-2");
    const { revokeEntitlement } = await import("./revoke-licensing");
    expect(await revokeEntitlement({ id: entitlement.id, actor: { id: null, label: "test" } })).toEqual({ revoked: true });
    const revoked = await checkIn(body.appliance_credential);
    expect(revoked.body.status).toBe("revoked");
    expect((await verifyLicence(revoked.body.jwt, tenant.id)).status).toBe("revoked");
    expect(await db().auditLog.count({ where: { action: "license.entitlement.revoke", targetId: entitlement.id } })).toBe(1);

    await db().licenseEntitlement.update({ where: { id: entitlement.id }, data: { revokedAt: null, status: "canceled" } });
    expect((await checkIn(body.appliance_credential)).body.status).toBe("lapsed");
  });

  it("says revoked once an operator revokes the appliance", async () => {
    const { code } = await paidCode();
    const { body } = await redeem(code, "box-3");
    const { revokeAppliance } = await import("./revoke-licensing");
    const row = await db().appliance.findFirstOrThrow();
    await revokeAppliance({ id: row.id, actor: { id: null, label: "test" } });
    expect((await checkIn(body.appliance_credential)).body.status).toBe("revoked");
  });

  it("refuses check-in without a credential (essentials) or with a wrong one", async () => {
    expect((await checkIn(null)).status).toBe(401);
    const { code } = await paidCode();
    const { body } = await redeem(code, "box-4");
    const [head] = (body.appliance_credential as string).split(".");
    expect((await checkIn(`${head}.${"A".repeat(43)}`)).status).toBe(401);
    const last = await db().appliance.findFirstOrThrow();
    expect((await checkIn(body.appliance_credential)).status).toBe(200);
    expect((await db().appliance.findFirstOrThrow()).lastCheckInAt!.getTime()).toBeGreaterThanOrEqual(last.lastCheckInAt!.getTime());
  });

  it("keeps old licences verifying after a key rotation, and signs new ones with the new key", async () => {
    const { tenant, code } = await paidCode();
    const { body } = await redeem(code, "box-5");
    applyLicensingEnv({ LICENSE_SIGNING_KEY: `${TEST_SIGNING_SEED_B},${TEST_SIGNING_SEED_A}` });
    const jwks = await (await handleJwksRequest()).json();
    expect(jwks.keys).toHaveLength(2);
    expect(jwks.keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig", kid: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty("d");
    const fresh = await checkIn(body.appliance_credential);
    expect(decodeProtectedHeader(fresh.body.jwt).kid).toBe(jwks.keys[0].kid);
    expect(decodeProtectedHeader(body.first_jwt).kid).toBe(jwks.keys[1].kid);
    expect((await verifyLicence(body.first_jwt, tenant.id)).aud).toBe(tenant.id);
    expect((await verifyLicence(fresh.body.jwt, tenant.id)).aud).toBe(tenant.id);
  });
});

describe("reissue", () => {
  it("revokes the old code and mints a fresh one for the same tenant and entitlement", async () => {
    const { tenant, entitlement, code } = await paidCode();
    const res = await reissue({ tenant_id: tenant.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenant_id: tenant.id, revoked_codes: 1 });
    expect(res.body.install_code).not.toBe(code);
    expect((await redeem(code, "box")).status).toBe(422);
    const ok = await redeem(res.body.install_code, "box");
    expect(ok.status).toBe(200);
    expect((await verifyLicence(ok.body.first_jwt, tenant.id)).entitlement_id).toBe(entitlement.id);
    expect(await db().outboxMessage.count({ where: { to: tenant.contactEmail } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "license.install_code.reissue", targetId: tenant.id } })).toBe(2);
  });

  it("answers 404 for an unknown email and 400 without tenant_id or email", async () => {
    expect((await reissue({ email: "nobody@nowhere.example" })).status).toBe(404);
    expect((await reissue({})).status).toBe(400);
  });
});

describe("rate limits", () => {
  /** A request as the HTTP server hands it on: the connection's address in the per-process peer header. */
  const from = (address: string, extra: Record<string, string> = {}) => ({ [peerAddressHeader()]: address, ...extra });

  it("answers 429 with Retry-After per client address", async () => {
    applyLicensingEnv({ LICENSE_RATE_LIMIT_PER_ADDRESS: "3" });
    const headers = from("203.0.113.9");
    for (let i = 0; i < 3; i++) expect((await redeem("ABCD-EFGH-JKMN", "box", headers)).status).not.toBe(429);
    const res = await restCall("POST", "/v1/license/register", { body: { install_code: "ABCD-EFGH-JKMN", appliance_id: "box" }, token: null, headers });
    expect(res.status).toBe(429);
    expect(res.body.error.details.retry_after_seconds).toBeGreaterThan(0);
    const raw = await (await import("@/server/rest/handle-rest-request")).handleRestRequest(
      new Request("http://embark.test/v1/license/register", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ install_code: "ABCD-EFGH-JKMN", appliance_id: "box" }),
      }),
    );
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await redeem("ABCD-EFGH-JKMN", "box", from("203.0.113.10"))).status).not.toBe(429);
  });

  it("counts a direct client by its connection, whatever X-Forwarded-For it makes up", async () => {
    applyLicensingEnv({ LICENSE_RATE_LIMIT_PER_ADDRESS: "3" });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await redeem("ABCD-EFGH-JKMN", "box", from("203.0.113.20", { "x-forwarded-for": `192.0.2.${i}` }))).status);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it("believes X-Forwarded-For from a trusted proxy", async () => {
    applyLicensingEnv({ LICENSE_RATE_LIMIT_PER_ADDRESS: "2", TRUSTED_PROXIES: "10.0.0.1" });
    try {
      const viaProxy = (client: string) => redeem("ABCD-EFGH-JKMN", "box", from("10.0.0.1", { "x-forwarded-for": client }));
      const statuses = [(await viaProxy("198.51.100.1")).status, (await viaProxy("198.51.100.1")).status, (await viaProxy("198.51.100.1")).status];
      expect(statuses[2]).toBe(429);
      expect((await viaProxy("198.51.100.2")).status).not.toBe(429);
    } finally {
      applyLicensingEnv({ TRUSTED_PROXIES: undefined });
    }
  });

  it("answers 429 per code prefix across addresses", async () => {
    applyLicensingEnv({ LICENSE_RATE_LIMIT_PER_CODE_PREFIX: "2" });
    const body = "QQQQEFGHJKM";
    const code = body + checkCharacter(body);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await redeem(code, "box", from(`198.51.100.${i}`))).status);
    expect(statuses).toEqual([422, 422, 429]);
  });
});
