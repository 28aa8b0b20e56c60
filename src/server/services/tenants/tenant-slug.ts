import { z } from "zod";

/** Names a tenant may not take: our own hosts and words people would mistake for them. */
export const RESERVED_SLUGS = new Set([
  "admin", "api", "app", "assets", "auth", "billing", "blog", "cdn", "cp", "dashboard", "dev", "docs",
  "embark", "ftp", "help", "internal", "localhost", "login", "mail", "ns1", "ns2", "ops", "portal",
  "root", "smtp", "staging", "static", "status", "support", "test", "www",
]);

/**
 * A tenant's subdomain: one lowercase DNS label of 3 to 40 characters,
 * letters, digits and inner hyphens, not reserved and not punycode.
 */
export const ZTenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "subdomain_slug must be at least 3 characters")
  .max(40, "subdomain_slug must be at most 40 characters")
  .regex(/^[a-z0-9-]+$/, "subdomain_slug may contain only letters, digits and hyphens")
  .regex(/^[a-z0-9](.*[a-z0-9])?$/, "subdomain_slug must start and end with a letter or digit")
  .refine((s) => !s.startsWith("xn--"), "subdomain_slug may not start with xn--")
  .refine((s) => !RESERVED_SLUGS.has(s), "this subdomain is reserved");

/** The tenant's canonical host: `<slug>.<base domain>`. */
export function canonicalHostnameOf(slug: string, baseDomain: string): string {
  return `${slug}.${baseDomain}`;
}
