import { z } from "zod";
import { text } from "@/server/validation/text";
import { ZEdition } from "./licensing.types";

export const ZRedeemRequest = z.strictObject({
  install_code: text().min(1).max(64),
  /** The appliance's own stable id (machine id or similar). */
  appliance_id: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/, "appliance_id may hold letters, digits and . _ : -"),
});
export type TRedeemRequest = z.infer<typeof ZRedeemRequest>;

export const ZRedeemResponse = z.object({
  tenant_id: z.uuid(),
  edition: ZEdition,
  company_name: z.string(),
  contact_email: z.string(),
  /** Paid editions: shown once; the appliance checks in with it. */
  appliance_credential: z.string().optional(),
  first_jwt: z.string().optional(),
  check_in_url: z.string().optional(),
});
export type TRedeemResponse = z.infer<typeof ZRedeemResponse>;
