import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

const JOB_TONE: Record<string, TBadgeTone> = {
  Pending: "neutral",
  Dispatched: "info",
  Running: "info",
  Completed: "good",
  Failed: "bad",
};

const DOT: Record<TBadgeTone, string> = {
  neutral: "bg-slate-400",
  info: "bg-indigo-500",
  good: "bg-emerald-500",
  warn: "bg-amber-500",
  bad: "bg-rose-500",
};

/** A badge led by a coloured dot; `pulse` marks something still moving. */
export function DotBadge({ tone, pulse, children }: { tone: TBadgeTone; pulse?: boolean; children: React.ReactNode }) {
  return (
    <Badge tone={tone} className="gap-1.5">
      <span aria-hidden className={cn("h-1.5 w-1.5 rounded-full", DOT[tone], pulse && "animate-pulse")} />
      {children}
    </Badge>
  );
}

/** A provision job's status; open ones pulse so a glance finds what is moving. */
export function JobStatusBadge({ status }: { status: string }) {
  return (
    <DotBadge tone={JOB_TONE[status] ?? "neutral"} pulse={status === "Running" || status === "Dispatched"}>
      {status}
    </DotBadge>
  );
}

const TENANT_TONE: Record<string, TBadgeTone> = {
  pending: "neutral",
  provisioning: "info",
  active: "good",
  failed: "bad",
  suspended: "warn",
};

export function TenantStatusBadge({ status }: { status: string }) {
  return <DotBadge tone={TENANT_TONE[status] ?? "neutral"} pulse={status === "provisioning"}>{status}</DotBadge>;
}

const NODE_TONE: Record<string, TBadgeTone> = { active: "good", draining: "warn", offline: "bad" };

export function NodeStatusBadge({ status }: { status: string }) {
  return <DotBadge tone={NODE_TONE[status] ?? "neutral"}>{status}</DotBadge>;
}

/** Region code with its name on hover, for dense tables. */
export function RegionTag({ region }: { region: string }) {
  return (
    <span className="inline-flex rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs uppercase text-slate-700" title={region}>
      {region}
    </span>
  );
}

/** How a job gets its server: a new one, or an existing node (dedicated ones marked). */
export function InfraModeLabel({ mode, dedicated }: { mode: string; dedicated: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span>{mode === "create_new_server" ? "New server" : "Existing node"}</span>
      {dedicated ? (
        <span className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-medium text-violet-700 ring-1 ring-inset ring-violet-600/20">
          dedicated
        </span>
      ) : null}
    </span>
  );
}
