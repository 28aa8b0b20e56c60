import { DetailHeader } from "@/components/cp/detail-header";
import { hasOperatorRole } from "@/server/auth/roles";
import { api, notFoundOr } from "@/trpc/server";
import { requireOperator } from "@/trpc/require-operator";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { TraceTimeline } from "@/components/cp/provisioning/trace-timeline";
import { DomainActions } from "@/components/cp/portal-domains/domain-actions";
import { DomainStatusBadge, MOVING_DOMAIN_STATUSES } from "@/components/cp/portal-domains/domain-status-badge";
import { OpenAlerts } from "@/components/cp/portal-domains/open-alerts";

export const metadata = { title: "Portal domain" };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default async function PortalDomainPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireOperator();
  const { id } = await params;
  const d = await api.portalDomains.detail({ id }).catch(notFoundOr({ malformedIdToo: true }));
  const canAct = hasOperatorRole(user.role, "operator");
  const failed = d.domain.status === "dns_failed" || d.domain.status === "certificate_failed";
  return (
    <div className="mx-auto max-w-7xl">
      <DetailHeader
        back={{ href: "/cp/domains", label: "Portal domains" }}
        title={d.domain.domain}
        status={
          <>
            <span data-testid="domain-status"><DomainStatusBadge status={d.domain.status} /></span>
            <LiveRefresh active={MOVING_DOMAIN_STATUSES.has(d.domain.status)} />
          </>
        }
        actions={canAct ? <DomainActions id={d.domain.id} domain={d.domain.domain} disabled={d.domain.status === "disabled"} /> : null}
      >
        <p className="mt-1 text-sm text-slate-600">
          {d.tenant ? (
            <>
              {d.tenant.company_name} · <span className="font-mono">{d.tenant.slug}</span>
            </>
          ) : (
            <span className="font-mono">{d.domain.tenant_id}</span>
          )}
        </p>
      </DetailHeader>
      <OpenAlerts alerts={d.alerts} title="Open alert" linked={false} />
      <p
        className={`mb-6 rounded-lg px-4 py-3 text-sm [overflow-wrap:anywhere] ${failed ? "bg-rose-50 text-rose-800" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}
        data-testid="domain-status-message"
      >
        {d.domain.status_message}
      </p>
      <Card className="mb-6">
        <CardHeader title="Details" />
        <dl className="grid grid-cols-1 gap-4 px-5 pb-5 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label="CNAME target"><span className="break-all font-mono text-xs">{d.domain.cname_target}</span></Fact>
          <Fact label="Resources">
            <span className="font-mono text-xs">portal-domain-{d.resource_prefix}</span> {d.applied ? "(applied)" : "(not applied)"}
          </Fact>
          <Fact label="Domain id"><span className="font-mono text-xs">{d.domain.id}</span></Fact>
          <Fact label="Last checked"><Time value={d.domain.last_checked_at} /></Fact>
          <Fact label="Next check"><Time value={d.next_check_at} /></Fact>
          <Fact label="Submitted"><Time value={d.domain.created_at} /></Fact>
          <Fact label="Active since"><Time value={d.domain.activated_at} /></Fact>
          <Fact label="Disabled"><Time value={d.domain.disabled_at} /></Fact>
          <Fact label="Trace"><span className="font-mono text-xs">{d.trace_id}</span></Fact>
        </dl>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0 [overflow-wrap:anywhere]">
          <CardHeader title="Timeline" description="Every transition, oldest first." />
          <div className="px-5 pb-5">
            {d.trace.length > 0 ? <TraceTimeline events={d.trace} attempts={[]} currentJobId="" /> : <p className="text-sm text-slate-500">Nothing yet.</p>}
          </div>
        </Card>
        <Card className="min-w-0">
          <CardHeader title="Manifests" description="As rendered at the last DNS verification (JSON, stable key order)." />
          <div className="space-y-3 px-5 pb-5" data-testid="domain-manifests">
            {d.manifests.length === 0 ? <p className="text-sm text-slate-500">Rendered once DNS is verified.</p> : null}
            {d.manifests.map((m) => (
              <details key={m.name} className="rounded-md border border-slate-200">
                <summary className="cursor-pointer px-3 py-2 font-mono text-sm text-slate-800">{m.name}</summary>
                <pre className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 p-3 text-xs text-slate-800">{m.json}</pre>
              </details>
            ))}
          </div>
        </Card>
      </div>
    </div>
  );
}
