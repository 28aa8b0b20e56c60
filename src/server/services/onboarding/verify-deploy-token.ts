import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { hashDeployToken } from "./deploy-token";

/** The onboarding a deploy token belongs to, or null. Looked up by digest: the token itself is never stored. */
export async function verifyDeployToken(opts: { db?: TDbOrTx; token: string }): Promise<string | null> {
  const db = opts.db ?? defaultDb();
  const session = await db.onboardingSession.findUnique({
    where: { deployTokenHash: hashDeployToken(opts.token) },
    select: { id: true },
  });
  return session?.id ?? null;
}
