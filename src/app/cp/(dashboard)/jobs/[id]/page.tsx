import Link from "next/link";
import { DetailHeader } from "@/components/cp/detail-header";
import { hasOperatorRole } from "@/server/auth/roles";
import { api, notFoundOr } from "@/trpc/server";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { formatDuration, isOpenJobStatus, stageLabel } from "@/components/cp/provisioning/format";
import { FailureCallout } from "@/components/cp/provisioning/failure-callout";
import { AttemptsCard, DispatchCard, Fact, OutputsCard, PlacementCard } from "@/components/cp/provisioning/job-facts";
import { JobStages } from "@/components/cp/provisioning/job-stages";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { RelativeTime } from "@/components/cp/provisioning/relative-time";
import { RetryJobButton } from "@/components/cp/provisioning/retry-job-button";
import { JobStatusBadge, RegionTag, TenantStatusBadge } from "@/components/cp/provisioning/status-badges";
import { TraceTimeline } from "@/components/cp/provisioning/trace-timeline";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Provision job" };

export default async function ProvisionJobPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireOperator();
  const { id } = await params;
  const detail = await api.jobs.detail({ job_id: id }).catch(notFoundOr({ malformedIdToo: true }));
  const { job, trace, attempts, retriedBy } = detail;
  const now = new Date();
  const open = isOpenJobStatus(job.status);
  const canRetry = hasOperatorRole(user.role, "operator");
  const newer = retriedBy ? attempts.find((a) => a.job_id === retriedBy) : undefined;
  const elapsed = (job.finished_at ?? (open ? now : null))?.getTime();

  return (
    <div className="mx-auto max-w-7xl">
      <DetailHeader
        back={{ href: "/cp/jobs", label: "Provision jobs" }}
        title={job.tenant.company_name}
        status={
          <>
            <span data-testid="job-status"><JobStatusBadge status={job.status} /></span>
            <LiveRefresh active={open} intervalMs={1000} />
          </>
        }
        actions={
          <div className="flex flex-col items-end gap-2">
            {job.status === "Failed" && newer ? (
              <Link href={`/cp/jobs/${newer.job_id}`} className={buttonClass("secondary")}>
                Retried as attempt {newer.attempt} →
              </Link>
            ) : job.status === "Failed" && canRetry ? (
              <RetryJobButton jobId={job.job_id} slug={job.tenant.slug} nextAttempt={job.attempt + 1} />
            ) : job.status === "Failed" ? (
              <p className="max-w-xs text-right text-sm text-slate-500">Retrying a job needs the operator role.</p>
            ) : null}
          </div>
        }
      >
        <p className="mt-1 break-all font-mono text-sm text-slate-700">{job.tenant.canonical_hostname}</p>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span className="font-medium text-slate-900">Attempt {job.attempt}</span>
          <span aria-hidden className="text-slate-300">·</span>
          <RegionTag region={job.region} />
          <span className="capitalize">{job.tenant.plan}</span>
        </p>
        <p className="mt-1 break-all font-mono text-xs text-slate-500">{job.job_id}</p>
      </DetailHeader>

      {job.status === "Failed" ? (
        <FailureCallout
          testId="job-failure"
          title={
            <>
              Failed at {job.failure_stage ? stageLabel(job.failure_stage) : "an unknown stage"}
              {job.failure_stage ? <code className="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-normal text-rose-800">{job.failure_stage}</code> : null}
            </>
          }
          message={job.message ?? "The workflow gave no message."}
          footer={
            <>
              <Time value={job.finished_at} /> UTC
              {newer ? <> · attempt {newer.attempt} is <span className="font-medium">{newer.status}</span></> : null}
            </>
          }
        />
      ) : null}

      <Card className="mb-6">
        <CardHeader
          title="Stages"
          description={job.dispatch.mode === "github" ? "As the GitHub workflow reports them." : "As the local runner reports them."}
          actions={
            elapsed ? (
              <p className="text-sm text-slate-600">
                {open ? "Running for" : "Took"} <span className="font-medium tabular-nums text-slate-900">{formatDuration(elapsed - job.created_at.getTime())}</span>
              </p>
            ) : null
          }
        />
        <div className="px-5 py-5">
          <JobStages stages={job.stages} now={now} />
        </div>
      </Card>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <aside className="min-w-0 space-y-6 lg:order-last" aria-label="Job details">
          <Card>
            <CardHeader title="Job" />
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4">
              <Fact label="Tenant" wide>
                <Link href={`/cp/tenants?q=${encodeURIComponent(job.tenant.slug)}`} className="font-medium text-indigo-700 hover:underline">
                  {job.tenant.company_name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{job.tenant.slug}</span>
              </Fact>
              <Fact label="Tenant status"><TenantStatusBadge status={job.tenant.status} /></Fact>
              <Fact label="Created"><RelativeTime value={job.created_at} now={now} /></Fact>
              <Fact label="Started"><Time value={job.started_at} /></Fact>
              <Fact label="Finished"><Time value={job.finished_at} /></Fact>
              <Fact label="Trace id" wide>
                <Link
                  href={`/cp/trace?q=${encodeURIComponent(job.trace_id)}`}
                  className="break-all font-mono text-xs text-indigo-700 hover:underline"
                  title="Everything on this trace in the trace explorer"
                >
                  {job.trace_id}
                </Link>
              </Fact>
            </dl>
          </Card>
          <PlacementCard
            infraMode={job.infra_mode}
            dedicated={job.dedicated === 1}
            region={job.region}
            targetNodeId={job.target_server_id}
            reasons={job.placement_reasons}
          />
          <DispatchCard dispatch={job.dispatch} />
          <OutputsCard outputs={job.outputs} finished={!open} reusedNodeId={job.infra_mode === "use_existing" ? job.target_server_id : null} />
          {attempts.length > 1 ? <AttemptsCard attempts={attempts} currentJobId={job.job_id} /> : null}
        </aside>
        <Card className="min-w-0 lg:col-span-2">
          <CardHeader
            title="Trace"
            description={`Every event of ${job.tenant.slug}'s provisioning, oldest first, across ${attempts.length === 1 ? "its one attempt" : `all ${attempts.length} attempts`}. Times are UTC.`}
          />
          <div className="px-5 py-5">
            {trace.length === 0 ? (
              <p className="text-sm text-slate-500">No events yet.</p>
            ) : (
              <TraceTimeline events={trace} attempts={attempts} currentJobId={job.job_id} />
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
