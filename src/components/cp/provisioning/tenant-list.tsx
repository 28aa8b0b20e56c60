import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { nodeHref } from "./job-facts";
import { RelativeTime } from "./relative-time";
import { JobStatusBadge, RegionTag, TenantStatusBadge } from "./status-badges";

type TTenant = {
  tenant_id: string;
  slug: string;
  company_name: string;
  canonical_hostname: string;
  region: string;
  plan: string;
  status: string;
  node_id: string | null;
  created_at: Date;
  latest_job: { job_id: string; status: string; attempt: number } | null;
};

const link = "rounded text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

function NodeLink({ nodeId }: { nodeId: string | null }) {
  if (!nodeId) return <span className="text-slate-400">no node yet</span>;
  return <Link href={nodeHref(nodeId)} className={`font-mono text-xs ${link}`}>{nodeId}</Link>;
}

function LatestJob({ tenant }: { tenant: TTenant }) {
  const job = tenant.latest_job;
  if (!job) return <span className="text-slate-400">—</span>;
  return (
    <Link href={`/cp/jobs/${job.job_id}`} className={`group relative inline-flex items-center gap-2 ${link}`}>
      <JobStatusBadge status={job.status} />
      <span className="group-hover:underline">
        attempt {job.attempt}
        <span className="sr-only"> of {tenant.slug}&apos;s provisioning</span>
      </span>
    </Link>
  );
}

/** The tenant's whole way in the trace explorer: signup, onboarding, provisioning, webhooks. */
function TraceLink({ slug }: { slug: string }) {
  return (
    <Link href={`/cp/trace?q=${encodeURIComponent(slug)}`} className={link}>
      Trace<span className="sr-only"> of {slug}</span>
    </Link>
  );
}

/** Tenants as a table, or as cards on phones. */
export function TenantList({ items, now }: { items: TTenant[]; now: Date }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Tenants">
        {items.map((t) => (
          <li key={t.tenant_id} className="px-5 py-3">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{t.company_name}</p>
                <p className="truncate font-mono text-xs text-slate-500">{t.canonical_hostname}</p>
              </div>
              <TenantStatusBadge status={t.status} />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-500">
              <span className="inline-flex items-center gap-1.5"><RegionTag region={t.region} /><span className="capitalize">{t.plan}</span></span>
              <NodeLink nodeId={t.node_id} />
              <LatestJob tenant={t} />
              <TraceLink slug={t.slug} />
              <RelativeTime value={t.created_at} now={now} />
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table>
          <caption className="sr-only">Tenants, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              <Th className="whitespace-nowrap">Tenant</Th>
              <Th className="whitespace-nowrap">Region · plan</Th>
              <Th className="whitespace-nowrap">Status</Th>
              <Th className="whitespace-nowrap">Node</Th>
              <Th className="whitespace-nowrap">Latest job</Th>
              <Th className="whitespace-nowrap">Trace</Th>
              <Th className="whitespace-nowrap">Signed up</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((t) => (
              <tr key={t.tenant_id} className="hover:bg-slate-50" data-tenant={t.slug}>
                <Td className="max-w-64">
                  <p className="truncate font-medium text-slate-900" title={t.company_name}>{t.company_name}</p>
                  <p className="truncate font-mono text-xs text-slate-500" title={t.canonical_hostname}>{t.canonical_hostname}</p>
                </Td>
                <Td>
                  <span className="inline-flex items-center gap-2">
                    <RegionTag region={t.region} />
                    <span className="capitalize">{t.plan}</span>
                  </span>
                </Td>
                <Td><TenantStatusBadge status={t.status} /></Td>
                <Td><NodeLink nodeId={t.node_id} /></Td>
                <Td><LatestJob tenant={t} /></Td>
                <Td><TraceLink slug={t.slug} /></Td>
                <Td><RelativeTime value={t.created_at} now={now} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
