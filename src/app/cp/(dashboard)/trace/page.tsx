import Link from "next/link";
import { api } from "@/trpc/server";
import { requireOperator } from "@/trpc/require-operator";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Time } from "@/components/ui/time";
import { TraceExplorerTimeline } from "@/components/cp/trace/trace-explorer-timeline";
import { formatDuration } from "@/components/cp/provisioning/format";
import { cn } from "@/lib/cn";

export const metadata = { title: "Trace explorer" };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const TRACE_ID = /^trace_[A-Za-z0-9_-]{6,80}$/;

function SearchForm({ q }: { q?: string }) {
  return (
    <form action="/cp/trace" method="get" role="search" className="flex flex-wrap items-end gap-3 px-5 py-4">
      <div className="w-full sm:flex-1">
        <label htmlFor="trace-q" className="block text-xs font-medium text-slate-600">Trace id, tenant slug, job id, onboarding id or email</label>
        <input
          id="trace-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="trace_…, acme, job_…, onb_…, ada@example.com"
          className={cn(inputClass, "mt-1 h-10")}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <button type="submit" className={cn(buttonClass("primary"), "h-10")}>Search</button>
    </form>
  );
}

export default async function TraceExplorerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const sp = await searchParams;
  const q = one(sp.q);
  const chosen = one(sp.trace);
  const matches = q ? await api.trace.find({ q }) : [];
  const traceId = chosen && TRACE_ID.test(chosen) ? chosen : matches.length === 1 ? matches[0]!.traceId : undefined;
  const entries = traceId ? await api.trace.timeline({ trace_id: traceId }) : [];
  const span = entries.length > 1 ? entries.at(-1)!.at.getTime() - entries[0]!.at.getTime() : 0;

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Trace explorer"
        description="One person's way from the first wizard step to a running tenant: funnel events, onboarding steps, provision stages, callbacks and webhook deliveries that share a trace id, on one timeline."
      />
      <Card className="mb-6">
        <SearchForm q={q ?? chosen} />
      </Card>

      {q && matches.length === 0 ? (
        <Card>
          <EmptyState title={`Nothing found for “${q}”`}>
            Search by a whole trace id, provision job id, onboarding id, email address, or a tenant&apos;s slug or id.
          </EmptyState>
        </Card>
      ) : null}

      {matches.length > 1 ? (
        <Card className="mb-6" data-testid="trace-matches">
          <CardHeader title={`${matches.length} traces match`} description="Newest first. Pick one to see its timeline." />
          <ul className="divide-y divide-slate-100">
            {matches.map((m) => (
              <li key={m.traceId} className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3", m.traceId === traceId && "bg-indigo-50")}>
                <Link href={`/cp/trace?q=${encodeURIComponent(q!)}&trace=${m.traceId}`} className="break-all font-mono text-sm text-indigo-700 hover:underline">
                  {m.traceId}
                </Link>
                <span className="text-sm text-slate-600">{m.label}</span>
                <span className="ml-auto text-xs text-slate-500"><Time value={m.startedAt} /></span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {traceId ? (
        <Card>
          <CardHeader
            title="Timeline"
            description={
              entries.length
                ? `${entries.length} entries over ${formatDuration(span)}. Times are UTC; gaps of a minute or more are highlighted.`
                : undefined
            }
            actions={<span className="break-all font-mono text-xs text-slate-500" data-testid="trace-id">{traceId}</span>}
          />
          <div className="px-5 py-5">
            {entries.length === 0 ? <p className="text-sm text-slate-500">Nothing has been recorded on this trace.</p> : <TraceExplorerTimeline entries={entries} />}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
