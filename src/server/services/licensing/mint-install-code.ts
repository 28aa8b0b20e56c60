import { env } from "@/env";
import type { TDbOrTx } from "@/server/db";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { sealBody } from "@/server/services/outbox/sealed-body";
import { generateInstallCode } from "./install-code-format";
import { digestInstallCode, SEALED_CODE_PURPOSE } from "./install-code-digest";
import { installCodeEmail } from "./install-code-email";
import { presignIsoDownload } from "./iso-download-link";
import { newInstallCodeId } from "./licensing-ids";

export type TMintedInstallCode = {
  codeId: string;
  install_code: string;
  expires_at: string;
  download_url: string;
  download_unavailable_reason?: string;
};

/**
 * Mints an install code for a registry tenant (and, paid, its entitlement),
 * presigns the ISO link for as long as the code lives, and queues the
 * install-code email as sensitive mail, all in the caller's transaction.
 * `keepSealed` keeps the code readable (sealed) for a page that shows it
 * later, such as the checkout thank-you page; otherwise only its digest is kept.
 */
export async function mintInstallCode(opts: {
  db: TDbOrTx;
  tenant: { id: string; companyName: string; contactEmail: string; edition: string };
  entitlementId: string | null;
  checkoutSessionId?: string;
  keepSealed?: boolean;
  now?: Date;
}): Promise<TMintedInstallCode> {
  const e = env();
  const now = opts.now ?? new Date();
  const expiresAt = new Date(now.getTime() + e.INSTALL_CODE_TTL_HOURS * 3_600_000);
  const code = generateInstallCode();
  const codeId = newInstallCodeId();
  const link = await presignIsoDownload({ until: expiresAt, now });
  const reason = link.url ? undefined : (link as { reason: string }).reason;
  const mail = installCodeEmail({
    companyName: opts.tenant.companyName,
    edition: opts.tenant.edition,
    code: code.formatted,
    expiresAt,
    downloadUrl: link.url,
    downloadUnavailableReason: reason,
    publicUrl: e.EMBARK_PUBLIC_URL,
  });
  const queued = await queueEmail({ db: opts.db, to: opts.tenant.contactEmail, ...mail, sensitive: true });
  await opts.db.installCode.create({
    data: {
      id: codeId,
      tenantId: opts.tenant.id,
      entitlementId: opts.entitlementId,
      codeDigest: digestInstallCode(code.normalised),
      sealedCode: opts.keepSealed
        ? sealBody({ id: codeId, text: code.formatted, secret: e.AUTH_SECRET, purpose: SEALED_CODE_PURPOSE })
        : null,
      outboxMessageId: queued.id,
      checkoutSessionId: opts.checkoutSessionId ?? null,
      expiresAt,
      createdAt: now,
    },
  });
  return {
    codeId,
    install_code: code.formatted,
    expires_at: expiresAt.toISOString(),
    download_url: link.url,
    ...(reason ? { download_unavailable_reason: reason } : {}),
  };
}
