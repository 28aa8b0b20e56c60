import type { TOperatorRole } from "../../src/server/auth/roles";

/**
 * A tRPC caller acting as a signed-in operator of `role`: what /cp's pages
 * call. The router is imported on first use, after the test set its
 * configuration.
 */
export async function operatorCaller(role: TOperatorRole = "viewer") {
  const { createCaller } = await import("../../src/server/trpc/root");
  const { createInnerContext } = await import("../../src/server/trpc/context");
  const user = { id: `op-${role}`, email: `${role}@operators.test`, name: `The ${role}`, role };
  return createCaller(createInnerContext({ principal: { kind: "user", user } }));
}
