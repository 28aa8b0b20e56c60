import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { ZTenantSlug } from "./tenant-slug";

/** Whether a subdomain could be taken now, and if not, why (for the signup form). */
export async function checkSlugAvailability(opts: {
  db?: TDbOrTx;
  slug: string;
}): Promise<{ slug: string; available: boolean; reason: string | null }> {
  const parsed = ZTenantSlug.safeParse(opts.slug);
  if (!parsed.success) return { slug: opts.slug, available: false, reason: parsed.error.issues[0]!.message };
  const db = opts.db ?? defaultDb();
  const taken = await db.tenant.findUnique({ where: { slug: parsed.data }, select: { id: true } });
  return { slug: parsed.data, available: !taken, reason: taken ? "this subdomain is taken" : null };
}
