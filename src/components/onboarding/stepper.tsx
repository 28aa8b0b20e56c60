import { cn } from "@/lib/cn";

const STEPS = ["Sign in", "Your platform", "Plan", "Launch"] as const;

/** Where the person is in the wizard. On a phone only the current step's name shows. */
export function Stepper({ current, complete = false }: { current: number; complete?: boolean }) {
  return (
    <nav aria-label="Setup progress" className="mb-6">
      <ol className="flex items-center gap-2 sm:gap-3">
        {STEPS.map((label, i) => {
          const done = i < current || (complete && i === current);
          const here = i === current && !complete;
          return (
            <li
              key={label}
              className={cn("flex min-w-0 items-center gap-2 last:flex-none", i === current ? "flex-none sm:flex-1" : "flex-1")}
              aria-current={i === current ? "step" : undefined}>
              <span
                aria-hidden
                className={cn(
                  "grid h-7 w-7 shrink-0 place-items-center rounded-full text-xs font-semibold",
                  done && "bg-emerald-500 text-white",
                  here && "bg-indigo-600 text-white ring-4 ring-indigo-100",
                  !done && !here && "border border-slate-300 bg-white text-slate-500",
                )}
              >
                {done ? (
                  <svg viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
                    <path fillRule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" clipRule="evenodd" />
                  </svg>
                ) : (
                  i + 1
                )}
              </span>
              <span
                className={cn(
                  "text-sm whitespace-nowrap",
                  i === current ? "shrink-0 font-medium text-slate-900" : "sr-only text-slate-500 sm:not-sr-only",
                )}
              >
                {label}
                <span className="sr-only">{done ? " (done)" : here ? " (current step)" : ""}</span>
              </span>
              {i < STEPS.length - 1 ? (
                <span aria-hidden className={cn("h-px min-w-3 flex-1", i < current ? "bg-emerald-400" : "bg-slate-200")} />
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
