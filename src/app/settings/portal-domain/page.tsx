import Link from "next/link";
import { api, currentSessionUser } from "@/trpc/server";
import { buttonClass } from "@/components/ui/button";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { MOVING_DOMAIN_STATUSES } from "@/components/cp/portal-domains/domain-status-badge";
import { PortalDomainCard } from "@/components/settings/portal-domain-card";

export const dynamic = "force-dynamic";
export const metadata = { title: "Portal domain" };

/** A tenant's own user adds a branded domain for their client portal and follows its setup. */
export default async function PortalDomainSettingsPage() {
  const user = await currentSessionUser();
  if (!user) {
    return (
      <main className="mx-auto w-full max-w-3xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-semibold text-slate-900">Portal domain</h1>
        <p className="mt-2 text-slate-600">Sign in with the email you signed up with to manage your portal domain.</p>
        <Link href="/onboarding" className={`${buttonClass()} mt-6`}>Sign in</Link>
      </main>
    );
  }
  const tenants = await api.portalDomains.mine();
  const moving = tenants.some((t) => t.domain && MOVING_DOMAIN_STATUSES.has(t.domain.status));
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">Portal domain</h1>
        <LiveRefresh active={moving} />
      </div>
      <p className="mt-2 text-slate-600">
        Serve your client portal on your own domain, such as <span className="font-mono text-sm">portal.yourcompany.com</span>.
        Point a CNAME record at the target shown below; we verify it, issue a certificate and switch it on.
      </p>
      {tenants.length === 0 ? (
        <p className="mt-8 rounded-lg bg-white px-4 py-6 text-slate-600 ring-1 ring-slate-200">
          You ({user.email}) have no platform yet. <Link href="/onboarding" className="text-indigo-700 hover:underline">Set one up</Link> first.
        </p>
      ) : (
        <div className="mt-8 space-y-6">
          {tenants.map((t) => <PortalDomainCard key={t.tenant_id} tenant={t} />)}
        </div>
      )}
    </main>
  );
}
