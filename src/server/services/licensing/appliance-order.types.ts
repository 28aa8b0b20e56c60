import { z } from "zod";
import { ZCompanyName, ZContactEmail, ZEdition } from "./licensing.types";

export const ZApplianceOrderRequest = z.strictObject({
  company_name: ZCompanyName,
  contact_email: ZContactEmail,
  edition: ZEdition,
});
export type TApplianceOrderRequest = z.infer<typeof ZApplianceOrderRequest>;

export const ZApplianceOrderResponse = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("code"),
    tenant_id: z.uuid(),
    install_code: z.string(),
    expires_at: z.string(),
    download_url: z.string(),
    download_unavailable_reason: z.string().optional(),
  }),
  z.object({ kind: z.literal("checkout"), tenant_id: z.uuid(), checkout_url: z.string() }),
]);
export type TApplianceOrderResponse = z.infer<typeof ZApplianceOrderResponse>;

export const ZApplianceEditionOffer = z.object({
  edition: ZEdition,
  available: z.boolean(),
  reason: z.string().optional(),
});

export const ZOrderStatusRequest = z.object({ session_id: z.string().regex(/^cs_[A-Za-z0-9_]{8,200}$/, "a Stripe checkout session id") });
export const ZOrderStatusResponse = z.discriminatedUnion("state", [
  /** The payment is not confirmed yet: poll again. */
  z.object({ state: z.literal("pending") }),
  /** The code, shown while it is still kept sealed. */
  z.object({
    state: z.literal("ready"),
    tenant_id: z.uuid(),
    edition: ZEdition,
    install_code: z.string(),
    expires_at: z.string(),
    download_url: z.string(),
    download_unavailable_reason: z.string().optional(),
    email: z.string(),
  }),
  /** Shown and emailed already: only its digest is kept, so only the email has it. */
  z.object({ state: z.literal("emailed"), tenant_id: z.uuid(), edition: ZEdition, expires_at: z.string(), email: z.string() }),
]);
export type TOrderStatusResponse = z.infer<typeof ZOrderStatusResponse>;
