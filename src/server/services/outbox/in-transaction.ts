import type { TDbOrTx } from "@/server/db";

type TRootLike = TDbOrTx & { $transaction<T>(fn: (tx: TDbOrTx) => Promise<T>): Promise<T> };

/**
 * Runs `fn` in a transaction: the root client opens one, a transaction client
 * (the caller's) is used as is, so the caller's commit decides for both.
 */
export async function inTransaction<T>(client: TDbOrTx, fn: (tx: TDbOrTx) => Promise<T>): Promise<T> {
  const root = client as Partial<TRootLike>;
  if (typeof root.$transaction === "function") return (client as TRootLike).$transaction(fn);
  return fn(client);
}
