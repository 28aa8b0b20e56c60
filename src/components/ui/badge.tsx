import { cn } from "@/lib/cn";

const TONES = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  good: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  warn: "bg-amber-50 text-amber-800 ring-amber-600/20",
  bad: "bg-rose-50 text-rose-700 ring-rose-600/20",
  info: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
} as const;

export type TBadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children, className }: { tone?: TBadgeTone; children: React.ReactNode; className?: string }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", TONES[tone], className)}>
      {children}
    </span>
  );
}
