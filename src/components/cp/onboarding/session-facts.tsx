import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { REGION_NAMES } from "@/components/cp/provisioning/format";
import { Fact } from "@/components/cp/provisioning/job-facts";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { PaymentStatusBadge } from "./session-status-badge";

const linkClass = "text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";
const none = <span className="text-slate-400">not yet</span>;

/** The side card of a session's page: who, where, which tenant, job and trace, payment, and when. */
export function SessionFacts({ session }: { session: TOnboardingSession }) {
  const s = session;
  return (
    <Card>
      <CardHeader title="Session" />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4">
        <Fact label="Onboarding id" wide><span className="break-all font-mono text-xs">{s.onboardingId}</span></Fact>
        <Fact label="User" wide><span className="break-all font-mono text-xs">{s.userId}</span></Fact>
        <Fact label="Tenant" wide>
          {s.tenantId ? (
            <Link href={`/cp/tenants?q=${encodeURIComponent(s.tenantId)}`} className={`break-all font-mono text-xs ${linkClass}`}>{s.tenantId}</Link>
          ) : none}
        </Fact>
        <Fact label="Provision job" wide>
          {s.jobId ? <Link href={`/cp/jobs/${s.jobId}`} className={`break-all font-mono text-xs ${linkClass}`}>{s.jobId}</Link> : none}
        </Fact>
        <Fact label="Trace id" wide>
          {s.traceId ? (
            <Link
              href={`/cp/trace?q=${encodeURIComponent(s.traceId)}`}
              className={`break-all font-mono text-xs ${linkClass}`}
              title="Everything on this trace: funnel events, steps, provision stages, callbacks, webhooks"
            >
              {s.traceId}
            </Link>
          ) : none}
        </Fact>
        <Fact label="Tier"><span className="capitalize">{s.tier}</span></Fact>
        <Fact label="Region">{REGION_NAMES[s.region] ?? s.region} <span className="text-slate-500">({s.region})</span></Fact>
        <Fact label="Payment"><PaymentStatusBadge status={s.paymentStatus} /></Fact>
        <Fact label="Stack template">{s.stackTemplateId ? <span className="font-mono text-xs">{s.stackTemplateId}</span> : <span className="text-slate-500">default</span>}</Fact>
        {s.checkoutUrl ? (
          <Fact label="Checkout" wide>
            <a href={s.checkoutUrl} target="_blank" rel="noopener noreferrer" className={`font-medium ${linkClass}`}>
              Stripe Checkout <span aria-hidden>↗</span><span className="sr-only">(opens in a new tab)</span>
            </a>
          </Fact>
        ) : null}
        <Fact label="Created"><Time value={s.createdAt} /></Fact>
        <Fact label="Started"><Time value={s.startedAt} /></Fact>
        <Fact label="Finished"><Time value={s.finishedAt} /></Fact>
        <Fact label="Resumed">{s.resumeCount === 0 ? "never" : s.resumeCount === 1 ? "once" : `${s.resumeCount} times`}</Fact>
      </dl>
    </Card>
  );
}
