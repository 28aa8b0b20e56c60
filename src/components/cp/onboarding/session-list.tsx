import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/cp/provisioning/relative-time";
import { RegionTag } from "@/components/cp/provisioning/status-badges";
import type { TOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { currentStep, PAYMENT_LABELS } from "./format";
import { SessionStatusBadge } from "./session-status-badge";

type TSession = Pick<
  TOnboardingSession,
  "onboardingId" | "platformName" | "slug" | "tier" | "region" | "status" | "paymentStatus" | "failedStep" | "resumeCount" | "steps" | "createdAt"
>;

const link = "rounded text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** Where the session is: the step it failed at, the step it is on, or why it waits. */
function StepCell({ session }: { session: TSession }) {
  if (session.status === "completed") return <span className="text-slate-500">All steps done</span>;
  if (session.status === "pending" && session.paymentStatus === "awaiting_payment") {
    return <span className="text-amber-700">{PAYMENT_LABELS.awaiting_payment}</span>;
  }
  const step = currentStep(session);
  if (!step) return <span className="text-slate-400">—</span>;
  if (session.status === "failed") return <span className="text-rose-700">Failed at {step.label}</span>;
  return (
    <span className="text-slate-700">
      {step.label}
      {step.status === "running" ? <span className="text-slate-500"> · running</span> : null}
    </span>
  );
}

function Resumes({ count }: { count: number }) {
  if (count === 0) return <span className="text-slate-400">—</span>;
  return <span>{count === 1 ? "once" : `${count} times`}</span>;
}

/** Onboarding sessions as a table, or as cards on phones. */
export function SessionList({ items, now }: { items: TSession[]; now: Date }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Onboarding sessions">
        {items.map((s) => (
          <li key={s.onboardingId} className="relative px-5 py-3 hover:bg-slate-50" data-onboarding-id={s.onboardingId}>
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <Link href={`/cp/onboarding/${s.onboardingId}`} className={`block truncate font-medium after:absolute after:inset-0 ${link}`}>
                  {s.platformName}
                </Link>
                <p className="truncate font-mono text-xs text-slate-500">{s.slug}</p>
              </div>
              <SessionStatusBadge status={s.status} />
            </div>
            <p className="mt-1.5 text-sm"><StepCell session={s} /></p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <RegionTag region={s.region} />
              <span className="capitalize">{s.tier}</span>
              <span aria-hidden>·</span>
              <RelativeTime value={new Date(s.createdAt)} now={now} />
              {s.resumeCount > 0 ? (
                <>
                  <span aria-hidden>·</span>
                  <span>resumed <Resumes count={s.resumeCount} /></span>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table>
          <caption className="sr-only">Onboarding sessions, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              <Th className="whitespace-nowrap">Platform</Th>
              <Th className="whitespace-nowrap">Tier · region</Th>
              <Th className="whitespace-nowrap">Status</Th>
              <Th className="whitespace-nowrap">Step</Th>
              <Th className="whitespace-nowrap">Resumed</Th>
              <Th className="whitespace-nowrap">Created</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((s) => (
              <tr key={s.onboardingId} className="hover:bg-slate-50" data-onboarding-id={s.onboardingId}>
                <Td className="max-w-64">
                  <Link href={`/cp/onboarding/${s.onboardingId}`} className={`block truncate font-medium ${link}`} title={s.platformName}>
                    {s.platformName}
                  </Link>
                  <p className="truncate font-mono text-xs text-slate-500">{s.slug}</p>
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-2">
                    <span className="capitalize">{s.tier}</span>
                    <RegionTag region={s.region} />
                  </span>
                </Td>
                <Td><SessionStatusBadge status={s.status} /></Td>
                <Td className="max-w-64 truncate"><StepCell session={s} /></Td>
                <Td className="tabular-nums"><Resumes count={s.resumeCount} /></Td>
                <Td><RelativeTime value={new Date(s.createdAt)} now={now} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
