/** Operator roles, weakest first. `user` is a wizard user with no /cp access. */
export const OPERATOR_ROLES = ["viewer", "operator", "admin"] as const;
export type TOperatorRole = (typeof OPERATOR_ROLES)[number];
export type TUserRole = "user" | TOperatorRole;

/** True when `role` is an operator role at least as strong as `min`. */
export function hasOperatorRole(role: string | null | undefined, min: TOperatorRole): boolean {
  const have = OPERATOR_ROLES.indexOf(role as TOperatorRole);
  return have >= 0 && have >= OPERATOR_ROLES.indexOf(min);
}
