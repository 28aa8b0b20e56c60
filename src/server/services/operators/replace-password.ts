import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { CREDENTIAL_PROVIDER } from "./operator-summary";

/**
 * Stores a new password for the user's email + password account and ends all
 * of their sessions, so the old password and anything signed in with it stop
 * working together. Takes the hash: hashing is slow on purpose, so callers do
 * it before their transaction holds a connection.
 */
export async function replacePassword(opts: { tx: TDbOrTx; userId: string; passwordHash: string }): Promise<void> {
  const { passwordHash } = opts;
  const { count } = await opts.tx.account.updateMany({
    where: { userId: opts.userId, providerId: CREDENTIAL_PROVIDER },
    data: { password: passwordHash },
  });
  if (count !== 1) throw new AppError("UNPROCESSABLE", { message: "This account has no password to replace" });
  await opts.tx.session.deleteMany({ where: { userId: opts.userId } });
}
