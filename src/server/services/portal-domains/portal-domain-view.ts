import { z } from "zod";
import { env } from "@/env";

export const PORTAL_DOMAIN_STATUSES = [
  "pending",
  "verifying_dns",
  "dns_failed",
  "pending_certificate",
  "deploying",
  "active",
  "certificate_failed",
  "disabled",
] as const;
export const ZPortalDomainStatus = z.enum(PORTAL_DOMAIN_STATUSES);
export type TPortalDomainStatus = z.infer<typeof ZPortalDomainStatus>;

export const ZPortalDomain = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    domain: z.string(),
    status: ZPortalDomainStatus,
    status_message: z.string(),
    cname_target: z.string().meta({ description: "Host name the domain's CNAME record must point at" }),
    last_checked_at: z.date().nullable(),
    activated_at: z.date().nullable(),
    disabled_at: z.date().nullable(),
    created_at: z.date(),
  })
  .meta({ id: "PortalDomain" });
export type TPortalDomainView = z.infer<typeof ZPortalDomain>;

/** Columns the view needs (the target comes from the tenant's portal target). */
export const PORTAL_DOMAIN_SELECT = {
  id: true,
  tenantId: true,
  domain: true,
  status: true,
  statusMessage: true,
  lastCheckedAt: true,
  activatedAt: true,
  disabledAt: true,
  createdAt: true,
} as const;

type TRow = {
  id: string;
  tenantId: string;
  domain: string;
  status: string;
  statusMessage: string;
  lastCheckedAt: Date | null;
  activatedAt: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
};

/** `<label>.<PORTAL_BASE_DOMAIN>`: where a tenant's domains point their CNAME. */
export const cnameTargetOf = (label: string): string => `${label}.${env().PORTAL_BASE_DOMAIN}`;

export function toPortalDomainView(row: TRow, targetLabel: string): TPortalDomainView {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    domain: row.domain,
    status: ZPortalDomainStatus.parse(row.status),
    status_message: row.statusMessage,
    cname_target: cnameTargetOf(targetLabel),
    last_checked_at: row.lastCheckedAt,
    activated_at: row.activatedAt,
    disabled_at: row.disabledAt,
    created_at: row.createdAt,
  };
}
