import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { REGION_NAMES, stageLabel } from "./format";
import { InfraModeLabel, JobStatusBadge } from "./status-badges";

/** A label and its value in the side cards of the job page. */
export function Fact({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const linkClass = "text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** The nodes page with this node marked; the query marks it, the hash scrolls to it. */
export function nodeHref(nodeId: string): string {
  const id = encodeURIComponent(nodeId);
  return `/cp/nodes?node=${id}#${id}`;
}

export function PlacementCard(props: {
  infraMode: string;
  dedicated: boolean;
  region: string;
  targetNodeId: string | null;
  reasons: string[];
}) {
  return (
    <Card>
      <CardHeader title="Placement" />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4">
        <Fact label="Infrastructure"><InfraModeLabel mode={props.infraMode} dedicated={props.dedicated} /></Fact>
        <Fact label="Region">{REGION_NAMES[props.region] ?? props.region} <span className="text-slate-500">({props.region})</span></Fact>
        <Fact label="Target node">
          {props.targetNodeId ? (
            <Link href={nodeHref(props.targetNodeId)} className={`font-mono text-xs ${linkClass}`}>{props.targetNodeId}</Link>
          ) : (
            <span className="text-slate-500">a new server</span>
          )}
        </Fact>
        <Fact label="Dedicated">{props.dedicated ? "Yes, a stack of its own" : "No, shared"}</Fact>
        <Fact label="Why" wide>
          {props.reasons.length ? (
            <ul className="mt-1 list-disc space-y-1 pl-4 text-sm text-slate-700 marker:text-slate-400">
              {props.reasons.map((r, i) => <li key={i}>{r}</li>)}
            </ul>
          ) : (
            <span className="text-slate-500">No reasons recorded</span>
          )}
        </Fact>
      </dl>
    </Card>
  );
}

export function DispatchCard({ dispatch }: { dispatch: { mode: string; run_id: string | null; run_url: string | null; dispatched_at: Date | null } }) {
  return (
    <Card>
      <CardHeader title="Dispatch" />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4">
        <Fact label="Runs on">{dispatch.mode === "github" ? "GitHub Actions" : "Local runner"}</Fact>
        <Fact label="Dispatched"><Time value={dispatch.dispatched_at} /></Fact>
        <Fact label="Run" wide>
          {dispatch.run_url ? (
            <a href={dispatch.run_url} target="_blank" rel="noopener noreferrer" className={`inline-flex items-center gap-1 font-medium ${linkClass}`}>
              Workflow run {dispatch.run_id ?? ""}
              <span aria-hidden>↗</span>
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          ) : dispatch.mode === "local" ? (
            <span className="text-slate-600">In-process local runner (no external run)</span>
          ) : dispatch.run_id ? (
            <span className="font-mono text-xs">{dispatch.run_id}</span>
          ) : (
            <span className="text-slate-500">{dispatch.dispatched_at ? "Run not found yet" : "Not dispatched yet"}</span>
          )}
        </Fact>
      </dl>
    </Card>
  );
}

const OUTPUT_LABELS: Record<string, string> = {
  node_id: "Node",
  server_ip: "Server IP",
  db_server_ip: "Database server IP",
  pulumi_stack: "Pulumi stack",
};

export function OutputsCard({ outputs, finished, reusedNodeId }: { outputs: Record<string, unknown> | null; finished: boolean; reusedNodeId: string | null }) {
  const known = Object.keys(OUTPUT_LABELS);
  const rank = (key: string) => (known.includes(key) ? known.indexOf(key) : known.length);
  const entries = Object.entries(outputs ?? {}).sort(([a], [b]) => rank(a) - rank(b));
  return (
    <Card>
      <CardHeader title="Outputs" />
      {entries.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">
          {!finished ? (
            "None yet: the workflow reports them with its callback."
          ) : reusedNodeId ? (
            <>
              None reported: this run reused <Link href={nodeHref(reusedNodeId)} className={`font-mono text-xs ${linkClass}`}>{reusedNodeId}</Link>, so no server was created.
            </>
          ) : (
            "The run reported none."
          )}
        </p>
      ) : (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4">
          {entries.map(([key, value]) => (
            <Fact key={key} label={OUTPUT_LABELS[key] ?? stageLabel(key)}>
              {key === "node_id" && typeof value === "string" ? (
                <Link href={nodeHref(value)} className={`font-mono text-xs ${linkClass}`}>{value}</Link>
              ) : (
                <span className="font-mono text-xs">{typeof value === "string" ? value : JSON.stringify(value)}</span>
              )}
            </Fact>
          ))}
        </dl>
      )}
    </Card>
  );
}

export function AttemptsCard({ attempts, currentJobId }: { attempts: { job_id: string; attempt: number; status: string; created_at: Date }[]; currentJobId: string }) {
  return (
    <Card>
      <CardHeader title="Attempts" />
      <ol className="divide-y divide-slate-100">
        {attempts.map((a) => {
          const current = a.job_id === currentJobId;
          return (
            <li key={a.job_id}>
              <Link
                href={`/cp/jobs/${a.job_id}`}
                aria-current={current ? "page" : undefined}
                className={`flex items-center gap-3 px-5 py-2.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 ${current ? "bg-indigo-50/60" : ""}`}
              >
                <span className="w-20 shrink-0 font-medium text-slate-900">Attempt {a.attempt}</span>
                <JobStatusBadge status={a.status} />
                <span className="ml-auto min-w-0 truncate font-mono text-xs text-slate-500">{a.job_id}</span>
              </Link>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
