import { z } from "zod";
import { text } from "@/server/validation/text";
import { OPERATOR_ROLES } from "@/server/auth/roles";

/** An operator as admins see it: never a password or its hash. */
export const ZOperatorSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(OPERATOR_ROLES),
  disabledAt: z.date().nullable(),
  createdAt: z.date(),
});

export const ZOperatorId = z.object({ id: text().min(1).max(100) });

export const ZGeneratedPassword = z.string().meta({ description: "The new password. Shown once; only its hash is kept." });
