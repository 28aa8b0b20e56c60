import { formatDuration } from "@/components/cp/provisioning/format";
import { StageIcon } from "@/components/cp/provisioning/stage-icon";
import { cn } from "@/lib/cn";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";

type TStep = TOnboardingSession["steps"][number];

/** A duration for people: anything under a second reads "<1 s". */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? "<1 s" : formatDuration(ms);
}

/** What each step means to the person waiting on it. */
const STEP_HINTS: Record<TStep["key"], string> = {
  create_platform: "Registering your platform and choosing its servers",
  provision_infra: "Preparing servers and network",
  setup_repo: "Creating your code repository",
  deploy_services: "Deploying your services",
  verify: "Checking that everything answers",
};

export const STEP_STATUS_TEXT: Record<TStep["status"], string> = {
  pending: "Waiting",
  running: "In progress",
  succeeded: "Done",
  failed: "Failed",
  skipped: "Skipped",
};

/** How long a step ran: start to end, or start to now while it runs. */
export function stepElapsed(step: TStep, now: number): string | null {
  if (!step.startedAt || step.status === "skipped" || step.status === "pending") return null;
  const end = step.finishedAt ? Date.parse(step.finishedAt) : step.status === "running" ? now : null;
  if (end === null) return null;
  return formatElapsed(Math.max(0, end - Date.parse(step.startedAt)));
}

const reasonOf = (step: TStep): string | null => (typeof step.result?.reason === "string" ? step.result.reason : null);

/**
 * The five steps in order, with their state, time, and why one was skipped.
 * Why a step failed is said once, by the failure panel above the list.
 */
export function StepList({ steps, now }: { steps: TStep[]; now: number }) {
  return (
    <ol data-testid="onboarding-steps">
      {steps.map((step, i) => {
        const elapsed = stepElapsed(step, now);
        const reason = reasonOf(step);
        const done = step.status === "succeeded" || step.status === "skipped";
        return (
          <li key={step.key} data-step={step.key} data-status={step.status} className="relative flex gap-3 pb-6 last:pb-0">
            {i < steps.length - 1 ? (
              <span aria-hidden className={cn("absolute left-[15px] top-8 h-[calc(100%-2rem)] w-0.5", done ? "bg-emerald-400" : "bg-slate-200")} />
            ) : null}
            <StageIcon state={step.status} index={i} />
            <div className="min-w-0 flex-1 pt-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                <p
                  className={cn(
                    "text-sm font-medium",
                    step.status === "failed" ? "text-rose-700" : step.status === "pending" || step.status === "skipped" ? "text-slate-500" : "text-slate-900",
                  )}
                >
                  {step.label}
                  <span className="sr-only">
                    : {STEP_STATUS_TEXT[step.status]}
                    {elapsed ? `, ${elapsed}` : ""}
                  </span>
                </p>
                <p aria-hidden className="text-xs tabular-nums text-slate-500" data-testid="step-state">
                  {STEP_STATUS_TEXT[step.status]}
                  {elapsed ? ` · ${elapsed}` : ""}
                  {step.attempts > 1 ? ` · attempt ${step.attempts}` : ""}
                </p>
              </div>
              {step.status === "pending" || step.status === "running" ? (
                <p className="mt-0.5 text-sm text-slate-500">{STEP_HINTS[step.key]}</p>
              ) : null}
              {step.status === "skipped" && reason ? (
                <p className="mt-0.5 text-sm text-slate-500 wrap-anywhere" data-testid="skip-reason">
                  {reason}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
