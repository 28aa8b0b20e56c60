import { OPERATOR_ROLES, type TOperatorRole } from "@/server/auth/roles";

/** An operator as admins see it: never a password or its hash. */
export type TOperatorSummary = {
  id: string;
  email: string;
  name: string;
  role: TOperatorRole;
  disabledAt: Date | null;
  createdAt: Date;
};

export const OPERATOR_SUMMARY_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  createdAt: true,
} as const;

/** Users who hold an operator role. */
export const OPERATOR_WHERE = { role: { in: [...OPERATOR_ROLES] } };

/** better-auth's provider id for email + password accounts. */
export const CREDENTIAL_PROVIDER = "credential";

export function toOperatorSummary(row: { role: string } & Omit<TOperatorSummary, "role">): TOperatorSummary {
  return { ...row, role: row.role as TOperatorRole };
}
