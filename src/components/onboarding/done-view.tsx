"use client";

import { Button } from "@/components/ui/button";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { Breakable } from "@/components/ui/breakable";
import { StepHeading } from "./step-heading";
import { formatElapsed, StepList } from "./step-list";

/** The finished setup: the platform's address and what to do with it. */
export function DoneView({ session, onStartAnother }: { session: TOnboardingSession; onStartAnother: () => void }) {
  const repo = session.steps.find((s) => s.key === "setup_repo" && s.status === "succeeded")?.result ?? null;
  const repoUrl = typeof repo?.url === "string" ? repo.url : null;
  const repoName = typeof repo?.repo === "string" ? repo.repo : repoUrl;
  const took =
    session.startedAt && session.finishedAt ? formatElapsed(Date.parse(session.finishedAt) - Date.parse(session.startedAt)) : null;
  return (
    <div>
      <StepHeading description={`${session.platformName} is set up. Welcome aboard!`}>Your platform is ready</StepHeading>
      <p aria-live="polite" className="sr-only">
        Your platform is ready.
      </p>
      <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 sm:p-5">
        <p className="text-sm text-emerald-900">Your platform&apos;s address</p>
        {session.tenantUrl ? (
          <a
            href={session.tenantUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="tenant-url"
            className="mt-1 block font-mono text-base font-semibold wrap-anywhere text-emerald-800 underline decoration-emerald-300 underline-offset-4 hover:decoration-emerald-600 sm:text-lg"
          >
            <Breakable text={session.tenantUrl} />
          </a>
        ) : (
          <p className="mt-1 text-sm text-emerald-900">Your address will appear here in a moment.</p>
        )}
      </div>

      <h2 className="mt-8 text-base font-semibold text-slate-900">What happens next</h2>
      <ol className="mt-3 space-y-3 text-sm leading-6 text-slate-700">
        <NextItem n={1} title="Open your platform.">
          The address above is yours to share with your team. A brand-new address can take a few minutes to reach every
          network.
        </NextItem>
        {repoUrl ? (
          <NextItem n={2} title="Your code has a home.">
            We created{" "}
            <a href={repoUrl} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 underline underline-offset-2">
              {repoName}
            </a>{" "}
            for it.
          </NextItem>
        ) : null}
        <NextItem n={repoUrl ? 3 : 2} title="Keep your reference.">
          If you ever need help with this setup, quote <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">{session.onboardingId}</code>.
        </NextItem>
      </ol>

      <details className="group mt-8 rounded-lg border border-slate-200">
        <summary className="cursor-pointer rounded-lg px-4 py-3 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Setup details{took ? <span className="font-normal text-slate-500"> · took {took}</span> : null}
        </summary>
        <div className="border-t border-slate-200 px-4 py-4">
          <StepList steps={session.steps} now={Date.parse(session.finishedAt ?? session.createdAt)} />
        </div>
      </details>

      <div className="mt-8 flex justify-end">
        <Button variant="secondary" onClick={onStartAnother} className="w-full sm:w-auto">
          Set up another platform
        </Button>
      </div>
    </div>
  );
}

function NextItem({ n, title, children }: { n: number; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden className="mt-0.5 grid h-6 w-6 shrink-0 place-items-center rounded-full bg-indigo-50 text-xs font-semibold text-indigo-700">
        {n}
      </span>
      <p>
        <span className="font-medium text-slate-900">{title}</span> {children}
      </p>
    </li>
  );
}
