import Link from "next/link";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { formatDuration } from "@/components/cp/provisioning/format";
import { cn } from "@/lib/cn";
import type { TTimelineEntry } from "@/server/services/trace/trace-timeline.types";

const KIND: Record<TTimelineEntry["kind"], { label: string; className: string }> = {
  funnel: { label: "Funnel", className: "bg-violet-50 text-violet-700 ring-violet-600/20" },
  onboarding: { label: "Onboarding", className: "bg-sky-50 text-sky-800 ring-sky-600/20" },
  provision: { label: "Provision", className: "bg-teal-50 text-teal-800 ring-teal-600/20" },
  callback: { label: "Callback", className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  webhook: { label: "Webhook", className: "bg-slate-100 text-slate-700 ring-slate-500/20" },
};
const STATUS_TONE: Record<string, TBadgeTone> = { started: "info", running: "info", succeeded: "good", failed: "bad", skipped: "neutral", pending: "warn" };
const DOT: Record<string, string> = {
  started: "bg-indigo-500 ring-indigo-100",
  running: "bg-indigo-500 ring-indigo-100",
  succeeded: "bg-emerald-500 ring-emerald-100",
  failed: "bg-rose-600 ring-rose-100",
  pending: "bg-amber-400 ring-amber-100",
};

/** Gaps this long are worth a second look (a wait on a person, a queue, a workflow). */
const LONG_GAP_MS = 60_000;

/**
 * Everything on one trace, oldest first: when it happened (UTC, to the
 * millisecond), the gap since the entry before, what kind of record it is,
 * and a link to its page.
 */
export function TraceExplorerTimeline({ entries }: { entries: TTimelineEntry[] }) {
  const start = entries[0]?.at.getTime() ?? 0;
  return (
    <ol className="relative ml-1.5 border-l-2 border-slate-200" data-testid="trace-explorer-timeline">
      {entries.map((e, i) => (
        <li key={i} className="relative pb-4 pl-6 last:pb-1" data-kind={e.kind} data-title={e.title}>
          <span aria-hidden className={cn("absolute -left-[7px] top-1.5 h-3 w-3 rounded-full ring-4", DOT[e.status] ?? "bg-sky-400 ring-sky-100")} />
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <time dateTime={e.at.toISOString()} title={e.at.toISOString()} className="font-mono text-xs tabular-nums text-slate-500">
              {e.at.toISOString().slice(5, 23).replace("T", " ")}
            </time>
            <span className={cn("rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset", KIND[e.kind].className)}>{KIND[e.kind].label}</span>
            {e.href ? (
              <Link href={e.href} className="break-all text-sm font-medium text-indigo-700 hover:underline">{e.title}</Link>
            ) : (
              <span className="break-all text-sm font-medium text-slate-900">{e.title}</span>
            )}
            {STATUS_TONE[e.status] ? <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge> : null}
            <span className="text-xs text-slate-500">{e.source}</span>
            <span className="ml-auto flex items-center gap-2 font-mono text-xs tabular-nums">
              {e.gapMs !== null ? (
                <span className={e.gapMs >= LONG_GAP_MS ? "font-semibold text-amber-700" : "text-slate-500"} title="Since the entry before">
                  +{formatDuration(e.gapMs)}
                </span>
              ) : null}
              <span className="text-slate-400" title="Since the trace's first entry">{formatDuration(e.at.getTime() - start)}</span>
            </span>
          </div>
          {e.detail ? <p className={cn("mt-1 break-all text-sm", e.status === "failed" ? "text-rose-700" : "text-slate-600")}>{e.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
