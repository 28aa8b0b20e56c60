import { z } from "zod";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { tokenDigest } from "@/server/services/shared/bearer-token";
import { secretsEqual } from "@/server/trpc/constant-time";
import { licenceStatusOf } from "./licence-status";
import { parseApplianceCredential } from "./licensing-ids";
import { enforceLicenseRateLimits } from "./rate-limit";
import { signLicence } from "./sign-licence";

export const ZCheckInResponse = z.object({
  jwt: z.string(),
  status: z.enum(["active", "lapsed", "revoked"]),
  expires_at: z.string(),
  tenant_id: z.uuid(),
});
export type TCheckInResponse = z.infer<typeof ZCheckInResponse>;

// Compared against when no appliance matches, so a miss costs what a hit costs.
const ABSENT = tokenDigest("no-such-appliance");

function refused(): AppError {
  return new AppError("UNAUTHORIZED", {
    message: "A valid appliance credential is required (Authorization: Bearer apc_...); essentials appliances have none",
  });
}

/**
 * An appliance checks in with its credential: a fresh licence with the same
 * `aud` (the tenant id), saying what the entitlement is now (a revoked or
 * lapsed one says so), and the time of the check-in recorded.
 */
export async function checkInAppliance(opts: { headers: Headers; db?: TDb; now?: Date }): Promise<TCheckInResponse> {
  await enforceLicenseRateLimits({ headers: opts.headers, route: "check-in" });
  const bearer = /^Bearer\s+(\S+)$/i.exec(opts.headers.get("authorization") ?? "")?.[1];
  const presented = bearer ? parseApplianceCredential(bearer) : null;
  if (!presented) throw refused();
  const now = opts.now ?? new Date();
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const appliance = await tx.appliance.findUnique({
      where: { id: presented.applianceRowId },
      include: { entitlement: true },
    });
    if (!secretsEqual(tokenDigest(presented.secret), appliance?.credentialHash ?? ABSENT) || !appliance) throw refused();
    const { entitlement } = appliance;
    const status = licenceStatusOf({ now, applianceRevokedAt: appliance.revokedAt, entitlement });
    await tx.appliance.update({ where: { id: appliance.id }, data: { lastCheckInAt: now } });
    const licence = await signLicence({
      db: tx,
      appliance,
      claims: { edition: entitlement.edition, entitlement_id: entitlement.id, entitlement_status: entitlement.status, status },
      now,
    });
    logger.info({ applianceRowId: appliance.id, tenantId: appliance.tenantId, licenceId: licence.licenceId, status }, "licensing: appliance checked in");
    return { jwt: licence.jwt, status, expires_at: licence.expiresAt.toISOString(), tenant_id: appliance.tenantId };
  });
}
