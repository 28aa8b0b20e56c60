import Link from "next/link";
import { NotFoundPanel } from "@/components/cp/detail-header";

export default function OnboardingSessionNotFound() {
  return (
    <NotFoundPanel back={{ href: "/cp/onboarding", label: "Onboarding" }} title="No such onboarding session">
      The link may be mistyped, or the session was never created. Onboarding ids look like{" "}
      <code className="rounded bg-slate-100 px-1 text-xs">onb_…</code>; search for one on the{" "}
      <Link href="/cp/onboarding" className="font-medium text-indigo-700 hover:underline">onboarding list</Link>.
    </NotFoundPanel>
  );
}
