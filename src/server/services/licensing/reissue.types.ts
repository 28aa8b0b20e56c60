import { z } from "zod";
import { ZContactEmail } from "./licensing.types";

export const ZReissueRequest = z
  .strictObject({ tenant_id: z.uuid().optional(), email: ZContactEmail.optional() })
  .refine((v) => (v.tenant_id === undefined) !== (v.email === undefined), "give either tenant_id or email");
export type TReissueRequest = z.infer<typeof ZReissueRequest>;

export const ZReissueResponse = z.object({
  tenant_id: z.uuid(),
  install_code: z.string(),
  expires_at: z.string(),
  download_url: z.string(),
  download_unavailable_reason: z.string().optional(),
  /** Open codes of the tenant revoked by this reissue. */
  revoked_codes: z.number().int(),
});
export type TReissueResponse = z.infer<typeof ZReissueResponse>;
