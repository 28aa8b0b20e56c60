import { z } from "zod";

/**
 * Scopes an API key can hold. Each internal route names the scope it needs;
 * `*` grants every scope.
 */
export const API_KEY_SCOPES = [
  "*",
  "system:read",
  "tenants:write",
  "jobs:read",
  "provision:callback",
  "onboarding:read",
  "onboarding:write",
  "onboarding:callback",
  "trace:read",
  "trace:write",
  "nodes:read",
  "nodes:write",
  "placement:compute",
  "funnel:read",
  "funnel:write",
  "license:admin",
  "portal-domains:read",
  "portal-domains:write",
  "portal-domains:reconcile",
] as const;

export const ZApiKeyScope = z.enum(API_KEY_SCOPES);
export type TApiKeyScope = z.infer<typeof ZApiKeyScope>;

/** True when a key holding `held` may use a route that needs `needed`. */
export function scopesAllow(held: readonly string[], needed: TApiKeyScope | undefined): boolean {
  if (held.includes("*")) return true;
  return needed !== undefined && held.includes(needed);
}
