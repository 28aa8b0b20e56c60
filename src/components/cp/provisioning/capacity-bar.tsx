import { cn } from "@/lib/cn";

/**
 * Tenants placed on a node against its capacity. Shared nodes turn amber from
 * 75 % and red when full; a dedicated node is meant to be full, so it stays calm.
 */
export function CapacityBar({ used, capacity, dedicated, label }: { used: number; capacity: number; dedicated: boolean; label: string }) {
  const pct = capacity > 0 ? Math.min(100, Math.round((used / capacity) * 100)) : 100;
  const tone = dedicated ? "bg-violet-500" : pct >= 100 ? "bg-rose-500" : pct >= 75 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="flex min-w-44 items-center gap-3">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={capacity}
        aria-valuenow={used}
        aria-valuetext={`${used} of ${capacity} (${pct} %)`}
        className="h-2 w-28 shrink-0 overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200"
      >
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${pct}%` }} />
      </div>
      <span className="whitespace-nowrap text-xs tabular-nums text-slate-600">
        <span className="font-medium text-slate-900">{used}</span>/{capacity}
        <span className={cn("ml-1.5", !dedicated && pct >= 100 ? "font-medium text-rose-700" : !dedicated && pct >= 75 ? "text-amber-700" : "text-slate-500")}>
          {pct} %
        </span>
      </span>
    </div>
  );
}
