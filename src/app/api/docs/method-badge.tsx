import { clsx } from "clsx";

const COLORS: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-800 ring-emerald-600/20",
  POST: "bg-blue-100 text-blue-800 ring-blue-600/20",
  PUT: "bg-violet-100 text-violet-800 ring-violet-600/20",
  PATCH: "bg-amber-100 text-amber-800 ring-amber-600/20",
  DELETE: "bg-rose-100 text-rose-800 ring-rose-600/20",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={clsx(
        "inline-flex w-16 justify-center rounded-md px-2 py-0.5 font-mono text-xs font-semibold ring-1 ring-inset",
        COLORS[method] ?? "bg-slate-100 text-slate-700 ring-slate-500/20",
      )}
    >
      {method}
    </span>
  );
}
