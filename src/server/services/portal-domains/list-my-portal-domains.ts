import { z } from "zod";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { findCurrentPortalDomain } from "./get-portal-domain";
import { ZPortalDomain } from "./portal-domain-view";

export const ZMyPortalDomains = z.array(
  z.object({
    tenant_id: z.string(),
    slug: z.string(),
    company_name: z.string(),
    cname_target: z.string(),
    domain: ZPortalDomain.nullable(),
  }),
);

/** The tenants a user created, each with its current portal domain and the CNAME target to set. */
export async function listMyPortalDomains(opts: { db?: TDbOrTx; userId: string }): Promise<z.infer<typeof ZMyPortalDomains>> {
  const db = opts.db ?? defaultDb();
  const tenants = await db.tenant.findMany({
    where: { createdBy: opts.userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, companyName: true },
    take: 20,
  });
  const out = [];
  for (const t of tenants) {
    const current = await findCurrentPortalDomain({ db, tenantId: t.id });
    out.push({ tenant_id: t.id, slug: t.slug, company_name: t.companyName, cname_target: current.cnameTarget, domain: current.domain });
  }
  return out;
}
