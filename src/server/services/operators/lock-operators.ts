import type { TDbOrTx } from "@/server/db";

/**
 * Serialises changes to who may operate, for the rest of the transaction: two
 * admins disabling each other at once must not leave no admin at all.
 */
export async function lockOperators(tx: TDbOrTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('embark.operators'))`;
}
