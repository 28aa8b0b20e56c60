import { z } from "zod";
import { LOWER_ALNUM, randomFrom, sortableId } from "@/server/services/shared/random-id";

/** `pdom_` + a sortable random id. */
export const newPortalDomainId = (): string => `pdom_${sortableId()}`;
export const ZPortalDomainId = z.string().regex(/^pdom_[A-Za-z0-9]{10,40}$/, "not a portal domain id");

/** `alert_` + a sortable random id. */
export const newOpsAlertId = (): string => `alert_${sortableId()}`;

/** An opaque CNAME label: 16 random lowercase alphanumerics behind a letter, so it is a valid DNS label. */
export const newPortalTargetLabel = (): string => `p${randomFrom(LOWER_ALNUM, 16)}`;

/** The per-tenant part of resource names (`portal-domain-<prefix>`): the tenant id's first 12 hex digits. */
export const tenantPrefixOf = (tenantId: string): string => tenantId.replace(/-/g, "").slice(0, 12).toLowerCase();
