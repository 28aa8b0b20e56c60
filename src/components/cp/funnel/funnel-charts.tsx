"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/components/cp/provisioning/format";

/** Traces reaching each step, as horizontal bars (long step names stay readable on a phone). */
export function StepsChart({ data }: { data: { label: string; traces: number; dropOff: number }[] }) {
  return (
    <div className="h-72 w-full" data-testid="funnel-steps-chart" role="img" aria-label="Traces reaching each step">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#64748b" }} />
          <YAxis type="category" dataKey="label" width={128} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="traces" name="Reached" stackId="s" fill="#4f46e5" radius={[0, 0, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="dropOff" name="Dropped here" stackId="s" fill="#fda4af" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Median and p90 time from one step to the next. */
export function TimingsChart({ data }: { data: { label: string; median: number | null; p90: number | null }[] }) {
  return (
    <div className="h-72 w-full" data-testid="funnel-timings-chart" role="img" aria-label="Median and p90 time between steps">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={(s: number) => formatDuration(s * 1000)} tick={{ fontSize: 12, fill: "#64748b" }} />
          <YAxis type="category" dataKey="label" width={128} tick={{ fontSize: 12, fill: "#334155" }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => (typeof v === "number" ? formatDuration(v * 1000) : "—")} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="median" name="Median" fill="#4f46e5" radius={[0, 4, 4, 0]} isAnimationActive={false} />
          <Bar dataKey="p90" name="p90" fill="#a5b4fc" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
