import { env } from "@/env";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { openBody, sealBody } from "@/server/services/outbox/sealed-body";
import { tokenDigest } from "@/server/services/shared/bearer-token";
import { digestInstallCode, SEALED_ANSWER_PURPOSE } from "./install-code-digest";
import { parseInstallCode } from "./install-code-format";
import { licenceStatusOf } from "./licence-status";
import { mintApplianceCredential, newApplianceRowId } from "./licensing-ids";
import type { TEdition } from "./licensing.types";
import { enforceLicenseRateLimits } from "./rate-limit";
import type { TRedeemRequest, TRedeemResponse } from "./redeem.types";
import { signLicence } from "./sign-licence";

/** How long the appliance that redeemed a code may repeat the redeem (an install retried after it). */
export const REDEEM_RETRY_WINDOW_MS = 15 * 60_000;

/** The one answer for unknown, expired, revoked and used codes: nothing tells them apart. */
export const INVALID_INSTALL_CODE_MESSAGE =
  "This install code cannot be used: it is unknown, expired, revoked or already used. Ask for a new code.";

function invalidCode(): AppError {
  return new AppError("UNPROCESSABLE", { message: INVALID_INSTALL_CODE_MESSAGE, details: { field: "install_code" } });
}

type TCodeRow = NonNullable<Awaited<ReturnType<typeof findCode>>>;

function findCode(tx: TDbOrTx, digest: string) {
  return tx.installCode.findUnique({
    where: { codeDigest: digest },
    include: { tenant: true, entitlement: true },
  });
}

/**
 * Redeems an install code for an appliance. The code is consumed by one
 * conditional update, so of any number of concurrent redeems exactly one
 * wins. The tenant comes from the code. Essentials answers the tenant;
 * paid also registers the appliance with a fresh credential (stored hashed)
 * and its first licence. The appliance that won may repeat the redeem for
 * REDEEM_RETRY_WINDOW_MS and gets the same answer.
 */
export async function redeemInstallCode(opts: {
  input: TRedeemRequest;
  headers: Headers;
  db?: TDb;
  now?: Date;
}): Promise<TRedeemResponse> {
  const parsed = parseInstallCode(opts.input.install_code);
  await enforceLicenseRateLimits({ headers: opts.headers, route: "register", codePrefix: parsed.ok ? parsed.prefix : undefined });
  if (!parsed.ok) {
    throw new AppError("BAD_REQUEST", {
      message:
        parsed.problem === "check"
          ? "The install code has a typo: its check character does not match. Check each character and try again."
          : "An install code has 12 characters in three groups, like ABCD-EFGH-JKMN",
      details: { field: "install_code", problem: parsed.problem === "check" ? "check_character" : "format" },
    });
  }
  const now = opts.now ?? new Date();
  const digest = digestInstallCode(parsed.normalised);
  const applianceId = opts.input.appliance_id;
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const won = await tx.installCode.updateMany({
      where: { codeDigest: digest, consumedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { consumedAt: now, consumedBy: applianceId },
    });
    const row = await findCode(tx, digest);
    if (!row) throw invalidCode();
    if (won.count === 0) return replay(row, applianceId, now);
    const answer = await answerFor(tx, row, applianceId, now);
    const sealedAnswer = sealBody({ id: row.id, text: JSON.stringify(answer), secret: env().AUTH_SECRET, purpose: SEALED_ANSWER_PURPOSE });
    await tx.installCode.update({ where: { id: row.id }, data: { sealedAnswer, sealedCode: null } });
    await tx.registryTenant.updateMany({ where: { id: row.tenantId, installedAt: null }, data: { installedAt: now } });
    logger.info({ tenantId: row.tenantId, codeId: row.id, applianceId, edition: answer.edition }, "licensing: install code redeemed");
    return answer;
  });
}

/** The same appliance repeating its redeem inside the window gets its first answer; anyone else the generic error. */
function replay(row: TCodeRow, applianceId: string, now: Date): TRedeemResponse {
  const fresh = row.consumedAt !== null && now.getTime() - row.consumedAt.getTime() < REDEEM_RETRY_WINDOW_MS;
  if (!fresh || row.revokedAt || row.consumedBy !== applianceId || !row.sealedAnswer) throw invalidCode();
  return JSON.parse(openBody({ id: row.id, stored: row.sealedAnswer, secret: env().AUTH_SECRET, purpose: SEALED_ANSWER_PURPOSE }));
}

async function answerFor(tx: TDbOrTx, row: TCodeRow, applianceId: string, now: Date): Promise<TRedeemResponse> {
  const base = {
    tenant_id: row.tenantId,
    edition: row.tenant.edition as TEdition,
    company_name: row.tenant.companyName,
    contact_email: row.tenant.contactEmail,
  };
  const entitlement = row.entitlement;
  if (!entitlement) return base;
  const existing = await tx.appliance.findUnique({
    where: { tenantId_applianceId: { tenantId: row.tenantId, applianceId } },
    select: { id: true },
  });
  const id = existing?.id ?? newApplianceRowId();
  const { credential, secret } = mintApplianceCredential(id);
  const fields = { entitlementId: entitlement.id, credentialHash: tokenDigest(secret), revokedAt: null, lastCheckInAt: now };
  const appliance = await tx.appliance.upsert({
    where: { tenantId_applianceId: { tenantId: row.tenantId, applianceId } },
    create: { id, tenantId: row.tenantId, applianceId, ...fields },
    update: fields,
    select: { id: true, applianceId: true, tenantId: true, revokedAt: true },
  });
  const status = licenceStatusOf({ now, applianceRevokedAt: null, entitlement });
  const licence = await signLicence({
    db: tx,
    appliance,
    claims: { edition: entitlement.edition, entitlement_id: entitlement.id, entitlement_status: entitlement.status, status },
    now,
  });
  return {
    ...base,
    appliance_credential: credential,
    first_jwt: licence.jwt,
    check_in_url: `${env().EMBARK_PUBLIC_URL}/v1/license/check-in`,
  };
}
