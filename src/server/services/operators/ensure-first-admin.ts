import { env } from "@/env";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { isAppError } from "@/server/errors";
import { createOperator } from "./create-operator";

export const FIRST_ADMIN_EMAIL = "admin@embark.localhost";

/**
 * On a fresh development database, creates the first admin so /cp can be
 * reached at all, and returns its generated password once (the launcher
 * prints it). Returns null when any operator exists or in production, where
 * admins are created deliberately with `npm run ops:create-admin`.
 */
export async function ensureFirstAdmin(
  opts: { db?: TDbOrTx; production?: boolean } = {},
): Promise<{ email: string; password: string } | null> {
  const db = opts.db ?? defaultDb();
  if (opts.production ?? env().isProduction) return null;
  const existing = await db.user.count({ where: { role: { in: [...OPERATOR_ROLES] } } });
  if (existing > 0) return null;
  try {
    const admin = await createOperator({ email: FIRST_ADMIN_EMAIL, name: "Embark Admin", role: "admin", db });
    return { email: admin.email, password: admin.generatedPassword! };
  } catch (e) {
    // Another process started at the same moment and created it first.
    if (isAppError(e) && e.code === "CONFLICT") return null;
    throw e;
  }
}
