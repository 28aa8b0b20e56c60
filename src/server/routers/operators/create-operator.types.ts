import { z } from "zod";
import { text } from "@/server/validation/text";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { ZGeneratedPassword, ZOperatorSummary } from "./operator.types";

export const ZCreateOperatorRequest = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("email must be a valid email address")),
  name: text().trim().min(1, "name is required").max(100),
  role: z.enum(OPERATOR_ROLES),
});

export const ZCreateOperatorResponse = z.object({
  operator: ZOperatorSummary.pick({ id: true, email: true, name: true, role: true }),
  generatedPassword: ZGeneratedPassword,
});
