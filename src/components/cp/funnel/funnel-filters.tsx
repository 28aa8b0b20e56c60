import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { REGION_NAMES, REGIONS } from "@/components/cp/provisioning/format";
import { cn } from "@/lib/cn";
import { FUNNEL_PERIODS, PERIOD_LABELS, type TFunnelPeriod } from "./period";

const PLANS = ["starter", "growth", "scale"] as const;

function Select(props: { name: string; label: string; value?: string; anyLabel?: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div className="min-w-32 flex-1 sm:flex-none">
      <label htmlFor={`funnel-${props.name}`} className="block text-xs font-medium text-slate-600">{props.label}</label>
      <select id={`funnel-${props.name}`} name={props.name} defaultValue={props.value ?? ""} className={cn(inputClass, "mt-1 h-10 pr-8")}>
        {props.anyLabel ? <option value="">{props.anyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/**
 * The period (today, 7 or 30 days, or custom dates) and plan and region
 * filters, as a GET form so a view is a link to share. The dates count only
 * when the period is Custom.
 */
export function FunnelFilters(props: { period: TFunnelPeriod; from: string; to: string; plan?: string; region?: string }) {
  const filtered = props.period !== "7d" || Boolean(props.plan || props.region);
  return (
    <form action="/cp/funnel" method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4" aria-label="Funnel period and filters">
      <Select name="period" label="Period" value={props.period} options={FUNNEL_PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} />
      <div className="flex w-full gap-3 sm:w-auto">
        <div className="min-w-0 flex-1">
          <label htmlFor="funnel-from" className="block text-xs font-medium text-slate-600">From</label>
          <input id="funnel-from" name="from" type="date" defaultValue={props.from} className={cn(inputClass, "mt-1 h-10 min-w-0")} />
        </div>
        <div className="min-w-0 flex-1">
          <label htmlFor="funnel-to" className="block text-xs font-medium text-slate-600">To</label>
          <input id="funnel-to" name="to" type="date" defaultValue={props.to} className={cn(inputClass, "mt-1 h-10 min-w-0")} />
        </div>
      </div>
      <Select name="plan" label="Plan" value={props.plan} anyLabel="Any plan" options={PLANS.map((p) => ({ value: p, label: p }))} />
      <Select
        name="region"
        label="Region"
        value={props.region}
        anyLabel="Any region"
        options={REGIONS.map((r) => ({ value: r, label: `${REGION_NAMES[r] ?? r} (${r})` }))}
      />
      <div className="flex gap-2">
        <button type="submit" className={cn(buttonClass("secondary"), "h-10")}>Show</button>
        {filtered ? <Link href="/cp/funnel" className={cn(buttonClass("ghost"), "h-10")}>Reset</Link> : null}
      </div>
    </form>
  );
}
