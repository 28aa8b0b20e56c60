"use client";

import { useState } from "react";
import { REGION_NAMES } from "@/components/cp/provisioning/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { api } from "@/trpc/react";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { DoneView } from "./done-view";
import { PaymentWait } from "./payment-wait";
import { wizardErrorOf } from "./field-errors";
import { FocusHeadingContext, useFocusHeading, useNow } from "./hooks";
import { StepHeading } from "./step-heading";
import { formatElapsed, StepList, STEP_STATUS_TEXT } from "./step-list";
import { Stepper } from "./stepper";

/** Still moving on its own: worth asking again every second. */
const isLive = (s: TOnboardingSession | undefined): boolean => s?.status === "pending" || s?.status === "in_progress";

/** Time since the session started, or its whole run once it ended. */
function overallElapsed(s: TOnboardingSession, now: number): string | null {
  if (!s.startedAt) return null;
  const end = s.finishedAt ? Date.parse(s.finishedAt) : now;
  return formatElapsed(Math.max(0, end - Date.parse(s.startedAt)));
}

/** One sentence for screen readers about where the setup is; announced when it changes. */
function announcement(s: TOnboardingSession, checkout: "success" | "cancelled" | null): string {
  if (s.paymentStatus === "awaiting_payment") {
    return checkout === "cancelled" ? "Payment cancelled; nothing was charged." : "Waiting for payment confirmation.";
  }
  if (s.status === "failed") return `Setup stopped: ${labelOf(s, s.failedStep)} failed.`;
  if (s.status === "completed") return "All steps finished. Your platform is ready.";
  const done = s.steps.filter((step) => step.status === "succeeded" || step.status === "skipped").length;
  const running = s.steps.find((step) => step.status === "running");
  return `${done} of ${s.steps.length} steps done.${running ? ` ${running.label}: ${STEP_STATUS_TEXT.running.toLowerCase()}.` : ""}`;
}

/** The part of the setup the page is showing; a new one moves focus to its heading. */
function phaseOf(s: TOnboardingSession): "awaiting" | "running" | "failed" | "completed" {
  if (s.status === "completed" || s.status === "failed") return s.status;
  return s.paymentStatus === "awaiting_payment" ? "awaiting" : "running";
}

const labelOf = (s: TOnboardingSession, key: string | null): string => s.steps.find((step) => step.key === key)?.label ?? "A step";

/**
 * A created onboarding: live progress (asked for every second while it
 * runs), the payment wait of a paid plan, a failure with "Try again", and
 * the finished platform.
 */
export function SessionView(props: {
  id: string;
  checkout: "success" | "cancelled" | null;
  onStartAnother: () => void;
  onSignInAgain: () => void;
}) {
  const utils = api.useUtils();
  const query = api.onboarding.get.useQuery(
    { id: props.id },
    { refetchInterval: (q) => (isLive(q.state.data) ? 1000 : false), staleTime: 0, retry: 1 },
  );
  const resume = api.onboarding.resume.useMutation({
    onSuccess: (session) => utils.onboarding.get.setData({ id: props.id }, session),
  });
  const session = query.data;
  const now = useNow(isLive(session));
  const focus = useFocusHeading();
  // A heading takes focus when its phase replaces another on this page, not when the page opens on it.
  const [firstPhase, setFirstPhase] = useState<string | null>(null);
  if (session && firstPhase === null) setFirstPhase(phaseOf(session));
  const phase = session ? phaseOf(session) : null;
  const focusPhase = focus || (firstPhase !== null && firstPhase !== phase);

  if (!session) {
    if (query.isError) {
      const error = wizardErrorOf(query.error);
      const missing = query.error.data?.appCode === "NOT_FOUND";
      return (
        <Panel>
          <StepHeading description={missing ? "It may belong to another account, or the link is incomplete." : error.general}>
            {missing ? "We could not find that setup" : error.signedOut ? "Please sign in again" : "We could not load your setup"}
          </StepHeading>
          <div className="flex flex-wrap gap-3">
            {error.signedOut ? (
              <Button onClick={props.onSignInAgain}>Sign in</Button>
            ) : missing ? (
              <Button onClick={props.onStartAnother}>Start a new setup</Button>
            ) : (
              <Button onClick={() => query.refetch()}>Try again</Button>
            )}
          </div>
        </Panel>
      );
    }
    return (
      <Panel>
        <div aria-busy className="space-y-3" role="status">
          <span className="sr-only">Loading your setup…</span>
          <div className="h-7 w-2/3 animate-pulse rounded bg-slate-100" />
          <div className="h-4 w-1/2 animate-pulse rounded bg-slate-100" />
          <div className="h-40 animate-pulse rounded bg-slate-50" />
        </div>
      </Panel>
    );
  }

  if (session.status === "completed") {
    return (
      <FocusHeadingContext value={focusPhase}>
        <Panel complete>
          <DoneView session={session} onStartAnother={props.onStartAnother} />
        </Panel>
      </FocusHeadingContext>
    );
  }

  const awaiting = session.paymentStatus === "awaiting_payment";
  const failed = session.status === "failed";
  const elapsed = overallElapsed(session, now);
  const resumeError = resume.error ? wizardErrorOf(resume.error) : null;
  return (
    <FocusHeadingContext value={focusPhase}>
      <Panel>
        <StepHeading
          key={phase}
          description={
            failed
              ? "Nothing is lost: finished steps stay done. Try again to pick up where it stopped."
              : awaiting
                ? null
                : "You can leave this page and come back later; the setup carries on without it."
          }
        >
          {failed
            ? "Setup stopped"
            : awaiting
              ? props.checkout === "cancelled"
                ? "Your payment is not finished"
                : "Waiting for payment confirmation"
              : `Setting up ${session.platformName}`}
        </StepHeading>
        <p aria-live="polite" className="sr-only" data-testid="progress-announcement">
          {announcement(session, props.checkout)}
        </p>

        <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-3 rounded-md border border-slate-200 bg-slate-50 px-4 py-3 text-sm sm:grid-cols-[2fr_1fr_1fr_1fr]">
          <Fact label="Platform" className="col-span-2 sm:col-span-1">
            {session.platformName}
          </Fact>
          <Fact label="Plan">
            <span className="capitalize">{session.tier}</span>
          </Fact>
          <Fact label="Region">{REGION_NAMES[session.region] ?? session.region}</Fact>
          <Fact label={failed ? "Ran for" : "Elapsed"}>
            <span className="tabular-nums" data-testid="overall-elapsed">
              {elapsed ?? "Not started"}
            </span>
          </Fact>
        </dl>

        {awaiting ? <PaymentWait checkoutUrl={session.checkoutUrl} checkout={props.checkout} onStartAnother={props.onStartAnother} /> : null}

        {failed ? (
          <div role="alert" className="mb-6 rounded-lg border border-rose-200 bg-rose-50 p-4" data-testid="failure-panel">
            <p className="font-medium text-rose-900">{labelOf(session, session.failedStep)} failed</p>
            <p className="mt-1 text-sm text-rose-800 wrap-anywhere" data-testid="failure-message">
              {session.error ?? session.steps.find((s) => s.key === session.failedStep)?.error ?? "The step reported no reason."}
            </p>
            {resumeError ? <p className="mt-2 text-sm font-medium text-rose-900">{resumeError.general ?? "We could not restart the setup."}</p> : null}
            <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2">
              <Button variant="danger" disabled={resume.isPending} onClick={() => resume.mutate({ id: session.onboardingId })}>
                {resume.isPending ? "Restarting…" : "Try again"}
              </Button>
              <p className="text-xs text-rose-800">
                Still stuck? Quote <code className="font-mono">{session.onboardingId}</code> when you contact support.
              </p>
            </div>
          </div>
        ) : null}

        <StepList steps={session.steps} now={now} />
      </Panel>
    </FocusHeadingContext>
  );
}

function Panel({ children, complete = false }: { children: React.ReactNode; complete?: boolean }) {
  return (
    <>
      <Stepper current={3} complete={complete} />
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-8" data-testid="wizard-card">
        {children}
      </div>
    </>
  );
}

function Fact({ label, children, className }: { label: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={cn("min-w-0", className)}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="truncate font-medium text-slate-900">{children}</dd>
    </div>
  );
}
