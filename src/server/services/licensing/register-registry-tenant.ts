import { randomUUID } from "node:crypto";
import { db as defaultDb, type TDb } from "@/server/db";
import { inTransaction } from "@/server/services/outbox/in-transaction";
import type { TRegisterTenantRequest, TRegisterTenantResponse } from "./licensing.types";
import { mintInstallCode } from "./mint-install-code";

/**
 * Registers an appliance customer: the registry tenant (its tenant_id minted
 * here) and, for essentials, the install code, ISO link and install-code
 * email, in one transaction. Paid editions get their entitlement and code
 * when Stripe reports the checkout paid.
 */
export async function registerRegistryTenant(opts: { input: TRegisterTenantRequest; db?: TDb }): Promise<TRegisterTenantResponse> {
  const { input } = opts;
  return inTransaction(opts.db ?? defaultDb(), async (tx) => {
    const tenant = await tx.registryTenant.create({
      data: { id: randomUUID(), companyName: input.company_name, contactEmail: input.contact_email, edition: input.edition },
      select: { id: true, companyName: true, contactEmail: true, edition: true },
    });
    if (input.edition !== "essentials") {
      return { tenant_id: tenant.id, edition: input.edition, install_code: null, expires_at: null, download_url: "" };
    }
    const minted = await mintInstallCode({ db: tx, tenant, entitlementId: null });
    return {
      tenant_id: tenant.id,
      edition: input.edition,
      install_code: minted.install_code,
      expires_at: minted.expires_at,
      download_url: minted.download_url,
      download_unavailable_reason: minted.download_unavailable_reason,
    };
  });
}
