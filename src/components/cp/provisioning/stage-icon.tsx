import { cn } from "@/lib/cn";

export type TStageState = "pending" | "running" | "succeeded" | "failed" | "skipped";

export const STATE_TEXT: Record<TStageState, string> = {
  pending: "Not started",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  skipped: "Skipped",
};

/** The round marker of a stage: a check, a cross, a spinner, a dash or an empty ring. */
export function StageIcon({ state, index, className }: { state: TStageState; index: number; className?: string }) {
  const base = cn("relative z-10 grid h-8 w-8 shrink-0 place-items-center rounded-full text-sm font-semibold", className);
  if (state === "succeeded") {
    return (
      <span className={cn(base, "bg-emerald-500 text-white")}>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path fillRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" clipRule="evenodd" />
        </svg>
      </span>
    );
  }
  if (state === "failed") {
    return (
      <span className={cn(base, "bg-rose-600 text-white ring-4 ring-rose-100")}>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </span>
    );
  }
  if (state === "running") {
    return (
      <span className={cn(base, "bg-white ring-4 ring-indigo-100")}>
        <span aria-hidden className="absolute inset-0 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" />
        <span aria-hidden className="h-2 w-2 rounded-full bg-indigo-500" />
      </span>
    );
  }
  if (state === "skipped") {
    return (
      <span aria-hidden className={cn(base, "border-2 border-dashed border-slate-300 bg-slate-50 text-slate-400")}>–</span>
    );
  }
  return (
    <span aria-hidden className={cn(base, "border-2 border-slate-300 bg-white text-slate-500")}>{index + 1}</span>
  );
}
