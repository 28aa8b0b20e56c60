import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration, isOpenJobStatus } from "./format";
import { RelativeTime } from "./relative-time";
import { InfraModeLabel, JobStatusBadge, RegionTag } from "./status-badges";

type TJob = {
  job_id: string;
  attempt: number;
  status: string;
  infra_mode: string;
  dedicated: 1 | null;
  region: string;
  failure_stage: string | null;
  created_at: Date;
  finished_at: Date | null;
  tenant: { slug: string; company_name: string; plan: string };
};

/** Finished: how long it took; still open: how long so far, marked as running. */
function Took({ job, now }: { job: TJob; now: Date }) {
  const open = isOpenJobStatus(job.status);
  const end = job.finished_at ?? (open ? now : null);
  if (!end) return <span className="text-slate-400">—</span>;
  const d = formatDuration(end.getTime() - job.created_at.getTime());
  return open ? <span className="text-slate-500">{d} so far</span> : <span>{d}</span>;
}

const jobLink = "rounded font-mono text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** Provision jobs as a table, or as cards on phones where nine columns do not fit. */
export function JobList({ items, now }: { items: TJob[]; now: Date }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Provision jobs">
        {items.map((j) => (
          <li key={j.job_id} className="relative px-5 py-3 hover:bg-slate-50">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{j.tenant.company_name}</p>
                <p className="truncate font-mono text-xs text-slate-500">{j.tenant.slug}</p>
              </div>
              <div className="shrink-0 text-right">
                <JobStatusBadge status={j.status} />
                {j.failure_stage ? <p className="mt-0.5 text-xs text-rose-700">at {j.failure_stage}</p> : null}
              </div>
            </div>
            <Link href={`/cp/jobs/${j.job_id}`} className={`mt-1.5 block truncate after:absolute after:inset-0 ${jobLink}`}>
              {j.job_id}
            </Link>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <RegionTag region={j.region} />
              <span className="capitalize">{j.tenant.plan}</span>
              <span aria-hidden>·</span>
              <InfraModeLabel mode={j.infra_mode} dedicated={j.dedicated === 1} />
              <span aria-hidden>·</span>
              <span>attempt {j.attempt}</span>
              <span aria-hidden>·</span>
              <RelativeTime value={j.created_at} now={now} />
              <span aria-hidden>·</span>
              <Took job={j} now={now} />
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table>
          <caption className="sr-only">Provision jobs, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              <Th className="whitespace-nowrap">Job</Th>
              <Th className="whitespace-nowrap">Tenant</Th>
              <Th className="whitespace-nowrap">Region · plan</Th>
              <Th className="whitespace-nowrap">Status</Th>
              <Th className="whitespace-nowrap">Server</Th>
              <Th className="whitespace-nowrap">Created</Th>
              <Th className="whitespace-nowrap text-right">Took</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((j) => (
              <tr key={j.job_id} className="hover:bg-slate-50" data-job-id={j.job_id}>
                <Td>
                  <Link href={`/cp/jobs/${j.job_id}`} className={jobLink}>{j.job_id}</Link>
                  <p className="mt-0.5 text-xs text-slate-500">attempt {j.attempt}</p>
                </Td>
                <Td className="max-w-48">
                  <p className="truncate font-medium text-slate-900" title={j.tenant.company_name}>{j.tenant.company_name}</p>
                  <p className="truncate font-mono text-xs text-slate-500">{j.tenant.slug}</p>
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-2">
                    <RegionTag region={j.region} />
                    <span className="capitalize">{j.tenant.plan}</span>
                  </span>
                </Td>
                <Td>
                  <JobStatusBadge status={j.status} />
                  {j.failure_stage ? <p className="mt-0.5 text-xs text-rose-700">at {j.failure_stage}</p> : null}
                </Td>
                <Td><InfraModeLabel mode={j.infra_mode} dedicated={j.dedicated === 1} /></Td>
                <Td><RelativeTime value={j.created_at} now={now} /></Td>
                <Td className="text-right tabular-nums"><Took job={j} now={now} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
