import Link from "next/link";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import { formatDuration, stageLabel } from "./format";
import { JobStatusBadge } from "./status-badges";

type TEvent = {
  id: string;
  job_id: string | null;
  stage: string;
  status: string;
  message: string | null;
  data: Record<string, unknown> | null;
  source: string;
  occurred_at: Date;
};
type TAttempt = { job_id: string; attempt: number; status: string };

const STATUS_TONE: Record<string, TBadgeTone> = { started: "info", succeeded: "good", failed: "bad", skipped: "neutral", info: "neutral" };
const DOT: Record<string, string> = {
  started: "bg-indigo-500 ring-indigo-100",
  succeeded: "bg-emerald-500 ring-emerald-100",
  failed: "bg-rose-600 ring-rose-100",
  skipped: "bg-slate-300 ring-slate-100",
  info: "bg-sky-400 ring-sky-100",
};
const SOURCE: Record<string, string> = {
  embark: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  "local-runner": "bg-teal-50 text-teal-800 ring-teal-600/20",
  "github-actions": "bg-slate-800 text-white ring-slate-800",
};

/** Consecutive events of one job form a group, so a late event of an old attempt stays where it happened. */
function groupByJob(events: TEvent[]): { jobId: string | null; events: TEvent[] }[] {
  const groups: { jobId: string | null; events: TEvent[] }[] = [];
  for (const e of events) {
    const last = groups.at(-1);
    if (last && last.jobId === e.job_id) last.events.push(e);
    else groups.push({ jobId: e.job_id, events: [e] });
  }
  return groups;
}

function clock(d: Date): string {
  return d.toISOString().slice(11, 23);
}

/**
 * Every event of the tenant's trace, oldest first, in one block per attempt;
 * the attempt this page shows is marked. Event data opens on demand.
 */
export function TraceTimeline({ events, attempts, currentJobId }: { events: TEvent[]; attempts: TAttempt[]; currentJobId: string }) {
  const byJob = new Map(attempts.map((a) => [a.job_id, a]));
  const groups = groupByJob(events);
  return (
    <div className="space-y-6" data-testid="trace-timeline">
      {groups.map((g, gi) => {
        const attempt = g.jobId ? byJob.get(g.jobId) : undefined;
        const current = g.jobId === currentJobId;
        const start = g.events[0]!.occurred_at.getTime();
        const headingId = `trace-group-${gi}`;
        return (
          <section key={`${g.jobId}-${gi}`} aria-labelledby={headingId} data-job-id={g.jobId ?? ""}>
            <div className={cn("mb-3 flex flex-wrap items-center gap-2 rounded-md px-3 py-2", current ? "bg-indigo-50" : "bg-slate-50")}>
              <h3 id={headingId} className="text-sm font-semibold text-slate-900">
                {attempt ? `Attempt ${attempt.attempt}` : g.jobId ? "Other job" : "Trace"}
              </h3>
              {g.jobId ? (
                current ? (
                  <span className="font-mono text-xs text-slate-500">{g.jobId}</span>
                ) : (
                  <Link href={`/cp/jobs/${g.jobId}`} className="font-mono text-xs text-indigo-700 hover:underline">{g.jobId}</Link>
                )
              ) : null}
              {attempt ? <JobStatusBadge status={attempt.status} /> : null}
              {current ? <span className="ml-auto text-xs font-medium text-indigo-700">this job</span> : null}
            </div>
            <ol className="relative ml-1.5 border-l-2 border-slate-200 pl-0">
              {g.events.map((e) => (
                <li key={e.id} className="relative pb-4 pl-6 last:pb-1" data-stage={e.stage} data-status={e.status}>
                  <span aria-hidden className={cn("absolute -left-[7px] top-1.5 h-3 w-3 rounded-full ring-4", DOT[e.status] ?? DOT.info)} />
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <time dateTime={e.occurred_at.toISOString()} title={`${e.occurred_at.toISOString()}`} className="font-mono text-xs tabular-nums text-slate-500">
                      {clock(e.occurred_at)}
                    </time>
                    <span className="text-sm font-medium text-slate-900">{stageLabel(e.stage)}</span>
                    <Badge tone={STATUS_TONE[e.status] ?? "neutral"}>{e.status}</Badge>
                    <span className={cn("rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset", SOURCE[e.source] ?? "bg-slate-50 text-slate-600 ring-slate-500/20")}>
                      <span className="sr-only">from </span>
                      {e.source}
                    </span>
                    <span className="ml-auto font-mono text-xs tabular-nums text-slate-400" title="Since the attempt's first event">
                      +{formatDuration(e.occurred_at.getTime() - start)}
                    </span>
                  </div>
                  {e.message ? (
                    <p className={cn("mt-1 break-words text-sm", e.status === "failed" ? "text-rose-700" : "text-slate-600")}>{e.message}</p>
                  ) : null}
                  {e.data && Object.keys(e.data).length > 0 ? (
                    <details className="group mt-1.5">
                      <summary className="cursor-pointer select-none text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600">
                        Data <span className="font-normal text-slate-500">({Object.keys(e.data).join(", ")})</span>
                      </summary>
                      <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
                        {JSON.stringify(e.data, null, 2)}
                      </pre>
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
