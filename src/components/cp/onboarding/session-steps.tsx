import { cn } from "@/lib/cn";
import { formatDuration } from "@/components/cp/provisioning/format";
import { STATE_TEXT, StageIcon, type TStageState } from "@/components/cp/provisioning/stage-icon";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { StepResult } from "./step-result";

type TStep = TOnboardingSession["steps"][number];

const LABEL_TONE: Record<TStageState, string> = {
  pending: "text-slate-500",
  running: "text-indigo-700",
  succeeded: "text-slate-900",
  failed: "text-rose-700",
  skipped: "text-slate-500",
};

/** "14:02:09", with the full UTC time on hover. */
function Clock({ value }: { value: string }) {
  return (
    <time dateTime={value} title={`${value.slice(0, 19).replace("T", " ")} UTC`} className="tabular-nums">
      {value.slice(11, 19)}
    </time>
  );
}

function Timing({ step, now }: { step: TStep; now: Date }) {
  if (!step.startedAt) return null;
  const started = new Date(step.startedAt).getTime();
  const took = step.finishedAt
    ? formatDuration(new Date(step.finishedAt).getTime() - started)
    : step.status === "running"
      ? `${formatDuration(now.getTime() - started)} so far`
      : null;
  return (
    <>
      <span aria-hidden>·</span>
      <span>
        <Clock value={step.startedAt} />
        {step.finishedAt ? <>–<Clock value={step.finishedAt} /></> : null}
      </span>
      {took ? (
        <>
          <span aria-hidden>·</span>
          <span className="tabular-nums">{took}</span>
        </>
      ) : null}
    </>
  );
}

/**
 * The session's steps top to bottom: status, attempts, when each ran and for
 * how long, what it reported and why it failed. The line after a step turns
 * green once it is done, so progress reads downwards.
 */
export function SessionSteps({ steps, now }: { steps: TStep[]; now: Date }) {
  return (
    <ol className="space-y-0" data-testid="onboarding-steps">
      {steps.map((step, i) => {
        const last = i === steps.length - 1;
        const afterFailure = steps.slice(0, i + 1).some((s) => s.status === "failed");
        const done = !afterFailure && (step.status === "succeeded" || step.status === "skipped");
        return (
          <li key={step.key} className="relative flex gap-4 pb-6 last:pb-0" data-step={step.key} data-status={step.status}>
            {last ? null : (
              <span aria-hidden className={cn("absolute left-[15px] top-8 h-[calc(100%-2rem)] w-0.5", done ? "bg-emerald-400" : "bg-slate-200")} />
            )}
            <StageIcon state={step.status} index={i} />
            <div className="min-w-0 flex-1 pt-1">
              <h3 className={cn("text-sm font-semibold", LABEL_TONE[step.status])}>
                {step.label}
                <span className="sr-only">: {STATE_TEXT[step.status]}</span>
              </h3>
              <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-slate-500">
                <span aria-hidden>{STATE_TEXT[step.status]}</span>
                {step.attempts > 1 ? (
                  <>
                    <span aria-hidden>·</span>
                    <span>{step.attempts} attempts</span>
                  </>
                ) : null}
                <Timing step={step} now={now} />
                <code className="ml-auto hidden font-mono text-[11px] text-slate-400 sm:inline">{step.key}</code>
              </p>
              {step.error ? (
                <p
                  className={cn(
                    "mt-2 rounded-md px-3 py-2 text-sm break-words",
                    step.status === "failed" ? "bg-rose-50 text-rose-800 ring-1 ring-inset ring-rose-200" : "bg-amber-50 text-amber-900",
                  )}
                  data-testid="step-error"
                >
                  {step.status === "failed" ? null : <span className="font-medium">Last try: </span>}
                  {step.error}
                </p>
              ) : null}
              <StepResult stepKey={step.key} status={step.status} result={step.result} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
