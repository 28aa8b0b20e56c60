import { DetailHeader } from "@/components/cp/detail-header";
import { hasOperatorRole } from "@/server/auth/roles";
import { api, notFoundOr } from "@/trpc/server";
import { Breakable } from "@/components/ui/breakable";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { FailureCallout } from "@/components/cp/provisioning/failure-callout";
import { formatDuration } from "@/components/cp/provisioning/format";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { RegionTag } from "@/components/cp/provisioning/status-badges";
import { TraceTimeline } from "@/components/cp/provisioning/trace-timeline";
import { currentStep, isMovingSession, stepLabel } from "@/components/cp/onboarding/format";
import { ResumeButton } from "@/components/cp/onboarding/resume-button";
import { SessionFacts } from "@/components/cp/onboarding/session-facts";
import { SessionStatusBadge } from "@/components/cp/onboarding/session-status-badge";
import { SessionSteps } from "@/components/cp/onboarding/session-steps";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Onboarding session" };

export default async function OnboardingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireOperator();
  const { id } = await params;
  const session = await api.onboarding.get({ id }).catch(notFoundOr({ malformedIdToo: true }));
  // The provisioning trace, when there is a provision job; the session's page stands without it.
  const provisioning = session.jobId ? await api.jobs.detail({ job_id: session.jobId }).catch(() => null) : null;
  const now = new Date();
  const moving = isMovingSession(session);
  const failed = session.status === "failed";
  const canResume = hasOperatorRole(user.role, "operator");
  const step = currentStep(session);
  const started = session.startedAt ? new Date(session.startedAt).getTime() : null;
  const end = session.finishedAt ? new Date(session.finishedAt).getTime() : moving ? now.getTime() : null;

  return (
    <div className="mx-auto max-w-7xl">
      <DetailHeader
        back={{ href: "/cp/onboarding", label: "Onboarding" }}
        title={session.platformName}
        status={
          <>
            <span data-testid="onboarding-status"><SessionStatusBadge status={session.status} /></span>
            <LiveRefresh active={moving} />
          </>
        }
        actions={canResume ? (
            <ResumeButton
              onboardingId={session.onboardingId}
              platformName={session.platformName}
              stepLabel={step?.label ?? "the first unfinished step"}
              failed={failed}
              resumeCount={session.resumeCount}
            />
          ) : failed ? (
            <p className="max-w-xs text-sm text-slate-500 sm:text-right">Resuming an onboarding needs the operator role.</p>
          ) : null}
      >
        <p className="mt-1 break-words font-mono text-sm text-slate-700">
          {session.tenantUrl ? (
            <a href={session.tenantUrl} target="_blank" rel="noopener noreferrer" className="text-indigo-700 hover:underline">
              <Breakable text={session.tenantUrl.replace(/^https:\/\//, "")} />
              <span aria-hidden>{"\u00a0"}↗</span>
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          ) : (
            session.slug
          )}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span className="capitalize">{session.tier}</span>
          <RegionTag region={session.region} />
          {step && !failed ? (
            <>
              <span aria-hidden className="text-slate-300">·</span>
              <span>
                {step.status === "running" ? "Running" : "Next"}: <span className="font-medium text-slate-900">{step.label}</span>
              </span>
            </>
          ) : null}
        </p>
      </DetailHeader>

      {failed ? (
        <FailureCallout
          testId="onboarding-failure"
          title={
            <>
              Failed at {session.failedStep ? stepLabel(session.failedStep) : "an unknown step"}
              {session.failedStep ? (
                <code className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-normal text-rose-800">{session.failedStep}</code>
              ) : null}
            </>
          }
          message={session.error ?? "The step gave no message."}
          footer={
            <>
              <Time value={session.finishedAt} /> UTC
              {session.resumeCount > 0 ? <> · resumed {session.resumeCount === 1 ? "once" : `${session.resumeCount} times`} before</> : null}
            </>
          }
        />
      ) : session.status === "pending" && session.paymentStatus === "awaiting_payment" ? (
        <section aria-label="Waiting for payment" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-900">
          Waiting for the Stripe payment. The steps start when Stripe reports the checkout completed.
        </section>
      ) : null}

      {/* On phones the facts come between the steps and the long trace; from lg they sit in a column of their own. */}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="contents lg:col-span-2 lg:block lg:min-w-0 lg:space-y-6">
          <Card className="order-1 min-w-0">
            <CardHeader
              title="Steps"
              description="In the order they run. Times are UTC."
              actions={
                started && end ? (
                  <p className="text-sm text-slate-600">
                    {moving ? "Running for" : "Took"}{" "}
                    <span className="font-medium tabular-nums text-slate-900">{formatDuration(end - started)}</span>
                  </p>
                ) : null
              }
            />
            <div className="px-5 py-5">
              <SessionSteps steps={session.steps} now={now} />
            </div>
          </Card>
          {provisioning && provisioning.trace.length > 0 ? (
            <Card className="order-3 min-w-0">
              <CardHeader
                title="Provisioning trace"
                description={`Every event of ${session.slug}'s provision ${provisioning.attempts.length === 1 ? "job" : `jobs (${provisioning.attempts.length} attempts)`}, oldest first. Times are UTC.`}
              />
              <div className="px-5 py-5">
                <TraceTimeline events={provisioning.trace} attempts={provisioning.attempts} currentJobId={session.jobId!} />
              </div>
            </Card>
          ) : null}
        </div>
        <aside className="order-2 min-w-0 lg:order-none" aria-label="Session details">
          <SessionFacts session={session} />
        </aside>
      </div>
    </div>
  );
}
