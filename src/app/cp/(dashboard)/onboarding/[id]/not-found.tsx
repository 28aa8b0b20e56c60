import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";

export default function OnboardingSessionNotFound() {
  return (
    <div className="mx-auto max-w-7xl">
      <p className="mb-2 text-sm">
        <Link href="/cp/onboarding" className="text-indigo-700 hover:underline">← Onboarding</Link>
      </p>
      <Card>
        <EmptyState title="No such onboarding session">
          The link may be mistyped, or the session was never created. Onboarding ids look like{" "}
          <code className="rounded bg-slate-100 px-1 text-xs">onb_…</code>; search for one on the{" "}
          <Link href="/cp/onboarding" className="font-medium text-indigo-700 hover:underline">onboarding list</Link>.
        </EmptyState>
      </Card>
    </div>
  );
}
