import { z } from "zod";
import { text } from "@/server/validation/text";

export const EDITIONS = ["essentials", "pro", "premium"] as const;
export const ZEdition = z.enum(EDITIONS);
export type TEdition = z.infer<typeof ZEdition>;
export const PAID_EDITIONS = ["pro", "premium"] as const;
export const ZPaidEdition = z.enum(PAID_EDITIONS);

/** A contact email, trimmed and lower-cased so one customer is one address. */
export const ZContactEmail = z
  .string()
  .trim()
  .max(254)
  .transform((v) => v.toLowerCase())
  .pipe(z.email());

export const ZCompanyName = text().trim().min(2).max(100);

export const ZRegisterTenantRequest = z.strictObject({
  company_name: ZCompanyName,
  contact_email: ZContactEmail,
  edition: ZEdition,
});
export type TRegisterTenantRequest = z.infer<typeof ZRegisterTenantRequest>;

export const ZRegisterTenantResponse = z.object({
  tenant_id: z.uuid(),
  edition: ZEdition,
  /** Essentials only: paid editions get their code once Stripe reports the checkout paid. */
  install_code: z.string().nullable(),
  expires_at: z.string().nullable(),
  download_url: z.string(),
  download_unavailable_reason: z.string().optional(),
});
export type TRegisterTenantResponse = z.infer<typeof ZRegisterTenantResponse>;
