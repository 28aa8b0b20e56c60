import { Badge, type TBadgeTone } from "@/components/ui/badge";
import { cn } from "@/lib/cn";

const TONE: Record<string, TBadgeTone> = { pending: "info", retrying: "warn", succeeded: "good", failed: "bad" };
const DOT: Record<TBadgeTone, string> = {
  neutral: "bg-slate-400",
  info: "bg-indigo-500",
  good: "bg-emerald-500",
  warn: "bg-amber-500",
  bad: "bg-rose-500",
};

/** A delivery's status; a pending one that has failed before reads "retrying". */
export function DeliveryStatusBadge({ status, attempts }: { status: string; attempts: number }) {
  const label = status === "pending" && attempts > 0 ? "retrying" : status;
  const tone = TONE[label] ?? "neutral";
  return (
    <Badge tone={tone} className="gap-1.5">
      <span aria-hidden className={cn("h-1.5 w-1.5 rounded-full", DOT[tone], status === "pending" && "animate-pulse")} />
      {label}
    </Badge>
  );
}

/** The receiver's HTTP status, coloured by class; an em dash when there was no answer. */
export function HttpStatus({ code }: { code: number | null }) {
  if (code === null) return <span className="text-slate-400">—</span>;
  const ok = code >= 200 && code < 300;
  return (
    <span className={cn("inline-flex rounded px-1.5 py-0.5 font-mono text-xs font-medium", ok ? "bg-emerald-50 text-emerald-700" : "bg-rose-50 text-rose-700")}>
      {code}
    </span>
  );
}
