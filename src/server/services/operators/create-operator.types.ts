import { z } from "zod";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { text } from "@/server/validation/text";

/** Same bounds as the sign-in form and better-auth's emailAndPassword settings. */
export const OPERATOR_PASSWORD_MIN = 12;
export const OPERATOR_PASSWORD_MAX = 128;

export const ZCreateOperatorInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("email must be a valid email address")),
  name: text().trim().min(1, "name is required").max(100, "name is at most 100 characters"),
  role: z.enum(OPERATOR_ROLES, `role must be one of ${OPERATOR_ROLES.join(", ")}`),
  password: z
    .string()
    .min(OPERATOR_PASSWORD_MIN, `password must be at least ${OPERATOR_PASSWORD_MIN} characters`)
    .max(OPERATOR_PASSWORD_MAX, `password must be at most ${OPERATOR_PASSWORD_MAX} characters`)
    .optional(),
});
export type TCreateOperatorInput = z.input<typeof ZCreateOperatorInput>;

export type TCreatedOperator = {
  id: string;
  email: string;
  name: string;
  role: (typeof OPERATOR_ROLES)[number];
  /** Set only when the password was generated: shown once, stored nowhere in plain text. */
  generatedPassword: string | null;
};
