import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { hashCallbackToken } from "./ids";

/** The job a callback token belongs to, or null. Looked up by digest: the token itself is never stored. */
export async function verifyCallbackToken(opts: { db?: TDbOrTx; token: string }): Promise<string | null> {
  const db = opts.db ?? defaultDb();
  const job = await db.provisionJob.findUnique({
    where: { callbackTokenHash: hashCallbackToken(opts.token) },
    select: { id: true },
  });
  return job?.id ?? null;
}
