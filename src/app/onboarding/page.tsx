import { env, ZRegion } from "@/env";
import { OnboardingWizard } from "@/components/onboarding/wizard";
import { planOffersWithoutPrices } from "@/server/services/payments/plan-offers";
import { currentSessionUser } from "@/trpc/server";

export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined): string | null => (typeof v === "string" && v ? v : null);

/**
 * The signup wizard. The server passes who is signed in and this
 * deployment's regions; everything else happens in the browser.
 */
export default async function OnboardingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const user = await currentSessionUser();
  const config = env();
  const checkout = one(sp.checkout);
  return (
    <OnboardingWizard
      user={user ? { id: user.id, email: user.email } : null}
      regions={ZRegion.options}
      defaultRegion={config.DEFAULT_REGION}
      tenantBaseDomain={config.TENANT_BASE_DOMAIN}
      sessionId={one(sp.session)}
      checkout={checkout === "success" || checkout === "cancelled" ? checkout : null}
      initialPlans={planOffersWithoutPrices()}
      simulateFailureStage={one(sp.simulate_failure_stage)}
    />
  );
}
