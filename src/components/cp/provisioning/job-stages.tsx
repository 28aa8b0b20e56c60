import { cn } from "@/lib/cn";
import { formatDuration, stageLabel } from "./format";
import { STATE_TEXT, StageIcon, type TStageState } from "./stage-icon";

type TStage = { name: string; state: TStageState; started_at: Date | null; finished_at: Date | null; message: string | null };

const NAME_TONE: Record<TStageState, string> = {
  pending: "text-slate-500",
  running: "text-indigo-700",
  succeeded: "text-slate-900",
  failed: "text-rose-700",
  skipped: "text-slate-400",
};

function timing(stage: TStage, now: Date): string | null {
  if (!stage.started_at || stage.state === "skipped") return null;
  if (stage.finished_at) return formatDuration(stage.finished_at.getTime() - stage.started_at.getTime());
  return stage.state === "running" ? `${formatDuration(now.getTime() - stage.started_at.getTime())} so far` : null;
}

/**
 * The workflow's stages in order: a vertical list on narrow screens, a
 * horizontal stepper from `lg` up. The line after a stage turns green once it
 * is done, so progress reads left to right.
 */
export function JobStages({ stages, now }: { stages: TStage[]; now: Date }) {
  return (
    <ol className="grid gap-0 lg:grid-cols-[repeat(var(--stage-count),minmax(0,1fr))]" style={{ "--stage-count": stages.length } as React.CSSProperties} data-testid="job-stages">
      {stages.map((stage, i) => {
        const last = i === stages.length - 1;
        // Stages skipped after a failure did not move the run forward.
        const afterFailure = stages.slice(0, i + 1).some((s) => s.state === "failed");
        const done = !afterFailure && (stage.state === "succeeded" || stage.state === "skipped");
        const t = timing(stage, now);
        return (
          <li
            key={stage.name}
            className="relative flex gap-3 pb-5 last:pb-0 lg:flex-col lg:items-center lg:gap-2 lg:px-1 lg:pb-0 lg:text-center"
            data-stage={stage.name}
            data-state={stage.state}
          >
            {last ? null : (
              <span
                aria-hidden
                className={cn(
                  "absolute left-[15px] top-8 h-[calc(100%-2rem)] w-0.5 lg:left-1/2 lg:top-[15px] lg:h-0.5 lg:w-full",
                  done ? "bg-emerald-400" : "bg-slate-200",
                )}
              />
            )}
            <StageIcon state={stage.state} index={i} />
            <div className="min-w-0 pt-1 lg:w-full lg:pt-0">
              <p className={cn("text-sm font-medium", NAME_TONE[stage.state])}>
                {stageLabel(stage.name)}
                <span className="sr-only">: {STATE_TEXT[stage.state]}</span>
              </p>
              <p className="text-xs text-slate-500" aria-hidden>
                {STATE_TEXT[stage.state]}
                {t ? <span className="tabular-nums"> · {t}</span> : null}
              </p>
              {t ? <span className="sr-only">, took {t}</span> : null}
              {stage.message ? (
                <p
                  className={cn(
                    "mt-1 line-clamp-2 text-xs wrap-anywhere lg:mx-auto lg:max-w-48",
                    stage.state === "failed" ? "text-rose-700" : "text-slate-500",
                  )}
                  title={stage.message}
                >
                  {stage.message}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
