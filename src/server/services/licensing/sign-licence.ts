import { SignJWT } from "jose";
import { env } from "@/env";
import type { TDbOrTx } from "@/server/db";
import { randomFrom, CROCKFORD } from "@/server/services/shared/random-id";
import type { TLicenceStatus } from "./licence-status";
import { signingKeys } from "./signing-keys";

/** The claims of a licence besides the registered ones (`aud` is the tenant id). */
export type TLicenceClaims = {
  edition: string;
  entitlement_id: string;
  entitlement_status: string;
  status: TLicenceStatus;
};

/**
 * Signs a licence for an appliance with the current Ed25519 key and records
 * it (id, kid, status, expiry; never the token). `aud` is the registry tenant
 * id, `sub` the appliance's own id, `jti` the licence id.
 */
export async function signLicence(opts: {
  db: TDbOrTx;
  appliance: { id: string; applianceId: string; tenantId: string };
  claims: TLicenceClaims;
  now?: Date;
}): Promise<{ jwt: string; licenceId: string; expiresAt: Date }> {
  const [key] = await signingKeys();
  const now = opts.now ?? new Date();
  const licenceId = `lic_${randomFrom(CROCKFORD, 26)}`;
  const expiresAt = new Date(now.getTime() + env().LICENSE_TTL_DAYS * 86_400_000);
  const jwt = await new SignJWT({ ...opts.claims })
    .setProtectedHeader({ alg: "EdDSA", kid: key!.kid, typ: "JWT" })
    .setIssuer(env().EMBARK_PUBLIC_URL)
    .setAudience(opts.appliance.tenantId)
    .setSubject(opts.appliance.applianceId)
    .setJti(licenceId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key!.privateKey);
  await opts.db.licence.create({
    data: { id: licenceId, applianceId: opts.appliance.id, kid: key!.kid, status: opts.claims.status, issuedAt: now, expiresAt },
  });
  return { jwt, licenceId, expiresAt };
}
