import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { ZTenantSlug } from "./tenant-slug";

/** How long an unpaid checkout holds its slug (Stripe expires Checkout sessions after a day). */
export const SLUG_HOLD_MS = 24 * 60 * 60 * 1000;

/** Whether a subdomain could be taken now, and if not, why (for the signup form). */
export async function checkSlugAvailability(opts: {
  db?: TDbOrTx;
  slug: string;
  /** A user's own open checkout does not hold a slug against them (they may start over). */
  exceptUserId?: string;
}): Promise<{ slug: string; available: boolean; reason: string | null }> {
  const parsed = ZTenantSlug.safeParse(opts.slug);
  if (!parsed.success) return { slug: opts.slug, available: false, reason: parsed.error.issues[0]!.message };
  const db = opts.db ?? defaultDb();
  const taken = await db.tenant.findUnique({ where: { slug: parsed.data }, select: { id: true } });
  if (taken) return { slug: parsed.data, available: false, reason: "this subdomain is taken" };
  // A paid signup holds its slug while its checkout is open (a day at most).
  const held = await db.onboardingSession.findFirst({
    where: {
      slug: parsed.data,
      status: "pending",
      paymentStatus: "awaiting_payment",
      createdAt: { gt: new Date(Date.now() - SLUG_HOLD_MS) },
      ...(opts.exceptUserId ? { userId: { not: opts.exceptUserId } } : {}),
    },
    select: { id: true },
  });
  return { slug: parsed.data, available: !held, reason: held ? "this subdomain is held by a signup waiting for payment" : null };
}
