import Link from "next/link";
import { api } from "@/trpc/server";
import { requireOperator } from "@/trpc/require-operator";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { StepsChart, TimingsChart } from "@/components/cp/funnel/funnel-charts";
import { FunnelFilters } from "@/components/cp/funnel/funnel-filters";
import { BreakdownTable, StepsTable, TimingsTable } from "@/components/cp/funnel/funnel-tables";
import { STEP_LABELS } from "@/components/cp/funnel/labels";
import { isoDay, PERIOD_LABELS, resolveFunnelPeriod } from "@/components/cp/funnel/period";
import { pick, REGIONS } from "@/components/cp/provisioning/format";

export const metadata = { title: "Funnel" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function FunnelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const sp = await searchParams;
  const now = new Date();
  const { period, from, to } = resolveFunnelPeriod({ period: one(sp.period), from: one(sp.from), to: one(sp.to) }, now);
  const plan = pick(["starter", "growth", "scale"] as const, one(sp.plan));
  const region = pick(REGIONS, one(sp.region));
  const stats = await api.funnel.stats({ from, to, plan, region });
  const lastDay = new Date(to.getTime() - 1);
  const range = `${isoDay(from)} – ${isoDay(lastDay)} UTC`;
  const started = stats.started;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Funnel"
        description="How people get from the first wizard step to a running tenant: each trace that started in the period, counted once at every step it reached, from Embark's own milestones."
      />
      <Card className="mb-6">
        <FunnelFilters period={period} from={isoDay(from)} to={isoDay(lastDay)} plan={plan} region={region} />
        <p className="px-5 py-3 text-sm text-slate-600" data-testid="funnel-summary">
          <span className="font-medium text-slate-900">{PERIOD_LABELS[period]}</span> · {range}
          {plan ? <> · plan <span className="font-medium">{plan}</span></> : null}
          {region ? <> · region <span className="font-medium">{region}</span></> : null} ·{" "}
          <span className="tabular-nums">{started}</span> trace{started === 1 ? "" : "s"} started
        </p>
      </Card>

      <section aria-label="Conversion per step" className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader title="Conversion" description="Traces that reached each step, and those that stopped just before it." />
          <div className="px-3 py-4">
            <StepsChart data={stats.steps.map((s) => ({ label: STEP_LABELS[s.step], traces: s.traces, dropOff: s.dropOff }))} />
          </div>
        </Card>
        <Card className="min-w-0">
          <CardHeader title="Per step" description="Conversion is the share of started traces that got this far; lost, those that stopped just before the step." />
          <StepsTable steps={stats.steps} />
        </Card>
      </section>

      <section aria-label="Time between steps" className="mb-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader title="Time between steps" description="Median and p90, over the traces that reached both steps." />
          <div className="px-3 py-4">
            <TimingsChart
              data={stats.timings.map((t) => ({ label: STEP_LABELS[t.to], median: t.medianSeconds, p90: t.p90Seconds }))}
            />
          </div>
        </Card>
        <Card className="min-w-0">
          <CardHeader title="Timings" />
          <TimingsTable timings={stats.timings} />
        </Card>
      </section>

      <section aria-label="By plan and region" className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader title="By plan" description="From the plan chosen on: live is provisioned, done is onboarding completed; conversion is done over chose." />
          <BreakdownTable rows={stats.byPlan} by="plan" />
        </Card>
        <Card className="min-w-0">
          <CardHeader title="By region" />
          <BreakdownTable rows={stats.byRegion} by="region" />
        </Card>
      </section>
      <p className="mt-6 text-sm text-slate-500">
        To follow one person&apos;s way step by step, open the <Link href="/cp/trace" className="font-medium text-indigo-700 hover:underline">trace explorer</Link>.
      </p>
    </div>
  );
}
