import Link from "next/link";
import { api } from "@/trpc/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { firstPageOnBadCursor } from "@/components/cp/provisioning/first-page-on-bad-cursor";
import { isOpenJobStatus, JOB_STATUSES, listQuery, pick, REGIONS } from "@/components/cp/provisioning/format";
import { JobList } from "@/components/cp/provisioning/job-list";
import { ListFilters } from "@/components/cp/provisioning/list-filters";
import { ListPager } from "@/components/cp/provisioning/list-pager";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Provision jobs" };

type TSearch = { status?: string; region?: string; q?: string; cursor?: string };

export default async function JobsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  await requireOperator();
  const sp = await searchParams;
  const filters = { q: sp.q?.trim().slice(0, 200) || undefined, status: pick(JOB_STATUSES, sp.status), region: pick(REGIONS, sp.region) };
  const firstPage = `/cp/jobs${listQuery(filters)}`;
  const page = await firstPageOnBadCursor(sp.cursor, firstPage, () => api.jobs.list({ ...filters, cursor: sp.cursor, limit: 25 }));
  const now = new Date();
  const filtered = Boolean(filters.q || filters.status || filters.region);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Provision jobs"
        description="Every attempt to provision a tenant, newest first. Open a job for its stages, placement and full trace; failed jobs can be retried there."
        actions={<LiveRefresh active={!sp.cursor && page.items.some((j) => isOpenJobStatus(j.status))} />}
      />
      <Card>
        <ListFilters
          path="/cp/jobs"
          statuses={JOB_STATUSES}
          regions={REGIONS}
          values={filters}
          searchLabel="Search"
          searchPlaceholder="Slug, company, job id or trace id"
        />
        {page.items.length === 0 ? (
          filtered ? (
            <EmptyState title="No provision jobs match these filters">
              Search matches a job id or trace id exactly, or part of a tenant&apos;s slug or company.{" "}
              <Link href="/cp/jobs" className="font-medium text-indigo-700 hover:underline">Show all jobs</Link>
            </EmptyState>
          ) : (
            <EmptyState title="No provision jobs yet">
              A job starts when a tenant signs up through <code className="rounded bg-slate-100 px-1 text-xs">POST /v1/tenants</code>.
            </EmptyState>
          )
        ) : (
          <JobList items={page.items} now={now} />
        )}
        <ListPager
          newestHref={sp.cursor ? firstPage : null}
          olderHref={page.nextCursor ? `/cp/jobs${listQuery({ ...filters, cursor: page.nextCursor })}` : null}
        />
      </Card>
    </div>
  );
}
