import { env } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { openBody } from "@/server/services/outbox/sealed-body";
import type { TOrderStatusResponse } from "./appliance-order.types";
import { SEALED_CODE_PURPOSE } from "./install-code-digest";
import { presignIsoDownload } from "./iso-download-link";
import type { TEdition } from "./licensing.types";

/**
 * What the checkout thank-you page shows for a Stripe checkout session:
 * `pending` until the paid webhook has minted the code, then the code while
 * it is kept sealed. It is never minted here. Once the code has been shown
 * and its email sent, the sealed copy is dropped and only the digest remains.
 */
export async function getApplianceOrderStatus(opts: { sessionId: string; db?: TDb; now?: Date }): Promise<TOrderStatusResponse> {
  const now = opts.now ?? new Date();
  return (opts.db ?? defaultDb()).$transaction(async (tx) => {
    const code = await tx.installCode.findUnique({ where: { checkoutSessionId: opts.sessionId }, include: { tenant: true } });
    if (!code) return { state: "pending" };
    const mail = code.outboxMessageId
      ? await tx.outboxMessage.findUnique({ where: { id: code.outboxMessageId }, select: { status: true } })
      : null;
    const known = { tenant_id: code.tenantId, edition: code.tenant.edition as TEdition, expires_at: code.expiresAt.toISOString(), email: code.tenant.contactEmail };
    if (!code.sealedCode) return { state: "emailed", ...known };
    const installCode = openBody({ id: code.id, stored: code.sealedCode, secret: env().AUTH_SECRET, purpose: SEALED_CODE_PURPOSE });
    const emailed = mail?.status === "sent";
    await tx.installCode.update({
      where: { id: code.id },
      data: { shownAt: code.shownAt ?? now, ...(emailed && code.shownAt ? { sealedCode: null } : {}) },
    });
    const link = await presignIsoDownload({ until: code.expiresAt, now });
    return {
      state: "ready",
      ...known,
      install_code: installCode,
      download_url: link.url,
      ...(link.url ? {} : { download_unavailable_reason: (link as { reason: string }).reason }),
    };
  });
}
