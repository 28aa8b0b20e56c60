import Link from "next/link";
import { api } from "@/trpc/server";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { OpenAlerts } from "@/components/cp/portal-domains/open-alerts";
import { requireOperator } from "@/trpc/require-operator";
import { sharedNodes } from "@/components/cp/provisioning/format";

export const metadata = { title: "Overview" };

function Stat(props: { label: string; value: number | string; href?: string; tone?: "bad" | "warn"; testId?: string }) {
  const { label, value, href, tone } = props;
  const body = (
    <Card className="h-full px-5 py-4 transition-colors hover:border-indigo-300" data-testid={props.testId}>
      <p className="text-sm text-slate-500">{label}</p>
      <p className={`mt-1 text-3xl font-semibold tabular-nums ${tone === "bad" ? "text-rose-600" : tone === "warn" ? "text-amber-600" : "text-slate-900"}`}>
        {value}
      </p>
    </Card>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

/** Why the wizard cannot sell a paid plan: customers read only that it is not available. */
function PaidPlansNote({ plans }: { plans: { tier: string; available: boolean; reason: string | null }[] }) {
  const off = plans.filter((p) => !p.available);
  if (off.length === 0) return null;
  return (
    <div className="mb-6 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="paid-plans-note">
      <p className="font-medium">The signup wizard shows {off.map((p) => p.tier).join(" and ")} as not available to buy.</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {off.map((p) => (
          <li key={p.tier} className="wrap-anywhere">
            <span className="capitalize">{p.tier}</span>: {p.reason ?? "payments are not set up"}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function OverviewPage() {
  await requireOperator();
  const [o, alerts] = await Promise.all([api.ops.overview(), api.portalDomains.openAlerts()]);
  // Big-table counts stop at countCap + 1; the tenant total may be the planner's estimate.
  const upTo = (n: number) => (n > o.countCap ? `${o.countCap.toLocaleString("en-US")}+` : n.toLocaleString("en-US"));
  const tenantTotal = `${o.provisioning.tenants.totalEstimated ? "about " : ""}${o.provisioning.tenants.total.toLocaleString("en-US")}`;
  const queueTone = o.queue === "ok" ? "good" : o.queue === "disabled" ? "neutral" : "bad";
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Overview"
        description="The state of this Embark: its tenants and their provisioning, who can operate it, what it has sent, and what operators did."
        actions={
          <div className="flex items-center gap-2 text-sm text-slate-600">
            Background jobs <Badge tone={queueTone}>{o.queue}</Badge>
          </div>
        }
      />
      <OpenAlerts alerts={alerts} />
      <section aria-label="Tenants and provisioning" className="mb-4 grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Stat label={`Active tenants (of ${tenantTotal})`} value={upTo(o.provisioning.tenants.active)} href="/cp/tenants?status=active" />
        <Stat label="Onboarding in progress" value={upTo(o.onboarding.inProgress)} href="/cp/onboarding?status=in_progress" />
        <Stat
          label="Onboarding failed"
          value={upTo(o.onboarding.failed)}
          href="/cp/onboarding?status=failed"
          tone={o.onboarding.failed ? "bad" : undefined}
        />
        <Stat label="Provision jobs running" value={upTo(o.provisioning.openJobs)} href="/cp/jobs" />
        <Stat
          label="Tenants failed to provision"
          value={upTo(o.provisioning.failedTenants)}
          href="/cp/tenants?status=failed"
          tone={o.provisioning.failedTenants ? "bad" : undefined}
        />
        <Stat
          label={`Shared capacity used (${sharedNodes(o.provisioning.nodes.activeSharedNodes)})`}
          value={`${o.provisioning.nodes.sharedUsed}/${o.provisioning.nodes.sharedCapacity}`}
          href="/cp/nodes"
          testId="overview-shared-capacity"
        />
      </section>
      <p className="mb-6 text-sm text-slate-500">
        Provisioning runs on{" "}
        {o.provisioning.dispatcher === "github" ? (
          <>GitHub Actions (<code>provision-tenant.yml</code>).</>
        ) : (
          <>
            the local runner, which simulates the workflow in-process. Set <code>GITHUB_TOKEN</code> and{" "}
            <code>GITHUB_WORKFLOW_DISPATCH_URL</code> to dispatch to GitHub Actions.
          </>
        )}
      </p>
      <PaidPlansNote plans={o.paidPlans} />
      <section aria-label="Counts" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Operators" value={o.operators} />
        <Stat label="Active API keys" value={o.activeApiKeys} href="/cp/api-keys" />
        <Stat label="Operator actions (24 h)" value={o.auditLast24h} href="/cp/audit" />
        <Stat label="Failed emails" value={o.outbox.failed} href="/cp/outbox?status=failed" tone={o.outbox.failed ? "bad" : undefined} />
      </section>
      <section aria-label="Outbox" className="mt-6 grid gap-4 lg:grid-cols-3">
        <Card className="px-5 py-4 lg:col-span-2">
          <h2 className="font-semibold">Outbox</h2>
          <p className="mt-1 text-sm text-slate-500">Every email Embark sends passes through the outbox and a background job.</p>
          <dl className="mt-4 grid grid-cols-4 gap-4 text-sm">
            {(["queued", "held", "sent", "failed"] as const).map((s) => (
              <div key={s}>
                <dt className="capitalize text-slate-500">{s}</dt>
                <dd className="text-xl font-semibold tabular-nums">{o.outbox[s]}</dd>
              </div>
            ))}
          </dl>
          {o.outbox.held > 0 ? (
            <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              No SMTP server is configured, so mail is held here. Set <code>SMTP_URL</code> to deliver it.
            </p>
          ) : null}
        </Card>
        <Card className="px-5 py-4">
          <h2 className="font-semibold">For integrators</h2>
          <ul className="mt-3 space-y-2 text-sm">
            <li>
              <Link className="text-indigo-700 underline-offset-2 hover:underline" href="/api/docs">API reference</Link>{" "}
              <span className="text-slate-500">— REST and its OpenAPI document</span>
            </li>
            <li>
              <Link className="text-indigo-700 underline-offset-2 hover:underline" href="/cp/api-keys">API keys</Link>{" "}
              <span className="text-slate-500">— scoped keys for internal callers</span>
            </li>
            <li>
              <Link className="text-indigo-700 underline-offset-2 hover:underline" href="/api/health">Health</Link>{" "}
              <span className="text-slate-500">— database and queue status</span>
            </li>
          </ul>
        </Card>
      </section>
    </div>
  );
}
