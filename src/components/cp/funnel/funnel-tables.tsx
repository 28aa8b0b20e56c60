import { formatDuration, REGION_NAMES } from "@/components/cp/provisioning/format";
import { Table, Td, Th } from "@/components/ui/table";
import type { TFunnelStats } from "@/server/services/funnel/funnel-stats.types";
import { percent, STEP_LABELS } from "./labels";

export function StepsTable({ steps }: { steps: TFunnelStats["steps"] }) {
  return (
    <Table data-testid="funnel-steps-table">
      <thead className="bg-slate-50">
        <tr>
          <Th>Step</Th>
          <Th className="px-3 text-right">Traces</Th>
          <Th className="px-3 text-right">Conv.</Th>
          <Th className="px-3 text-right">Lost</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {steps.map((s) => (
          <tr key={s.step} data-step={s.step}>
            <Td className="whitespace-normal font-medium text-slate-900">{STEP_LABELS[s.step]}</Td>
            <Td className="px-3 text-right tabular-nums">{s.traces}</Td>
            <Td className="px-3 text-right tabular-nums">{percent(s.conversion)}</Td>
            <Td className="px-3 text-right tabular-nums">{s.dropOff > 0 ? <span className="text-rose-700">−{s.dropOff}</span> : "0"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function TimingsTable({ timings }: { timings: TFunnelStats["timings"] }) {
  const time = (s: number | null) => (s === null ? <span className="text-slate-400">—</span> : formatDuration(s * 1000));
  return (
    <Table data-testid="funnel-timings-table">
      <thead className="bg-slate-50">
        <tr>
          <Th>From → to</Th>
          <Th className="px-3 text-right">Traces</Th>
          <Th className="px-3 text-right">Median</Th>
          <Th className="px-3 text-right">p90</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {timings.map((t) => (
          <tr key={`${t.from}-${t.to}`}>
            <Td className="min-w-28 whitespace-normal text-slate-900">
              {STEP_LABELS[t.from]} <span className="text-slate-400">→</span> {STEP_LABELS[t.to]}
            </Td>
            <Td className="px-3 text-right tabular-nums">{t.traces}</Td>
            <Td className="px-3 text-right tabular-nums">{time(t.medianSeconds)}</Td>
            <Td className="px-3 text-right tabular-nums">{time(t.p90Seconds)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Traces from the plan chosen on, per plan or region, with the share that got provisioned. */
export function BreakdownTable({ rows, by }: { rows: TFunnelStats["byPlan"]; by: "plan" | "region" }) {
  return (
    <Table data-testid={`funnel-by-${by}`}>
      <thead className="bg-slate-50">
        <tr>
          <Th className="capitalize">{by}</Th>
          <Th className="px-3 text-right">Chose</Th>
          <Th className="px-3 text-right">Live</Th>
          <Th className="px-3 text-right">Done</Th>
          <Th className="px-3 text-right">Conv.</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? (
          <tr>
            <Td colSpan={5} className="text-center text-slate-500">No plans chosen in this period.</Td>
          </tr>
        ) : (
          rows.map((r) => {
            const chose = r.counts.plan_chosen ?? 0;
            const done = r.counts.onboarding_completed ?? 0;
            return (
              <tr key={r.key}>
                <Td className="font-medium capitalize text-slate-900">{by === "region" ? `${REGION_NAMES[r.key] ?? r.key}` : r.key}</Td>
                <Td className="px-3 text-right tabular-nums">{chose}</Td>
                <Td className="px-3 text-right tabular-nums">{r.counts.provisioning_completed ?? 0}</Td>
                <Td className="px-3 text-right tabular-nums">{done}</Td>
                <Td className="px-3 text-right tabular-nums">{chose ? percent(done / chose) : "—"}</Td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
}
