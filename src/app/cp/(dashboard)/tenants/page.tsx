import Link from "next/link";
import { api } from "@/trpc/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { firstPageOnBadCursor } from "@/components/cp/provisioning/first-page-on-bad-cursor";
import { isOpenJobStatus, listQuery, pick, REGIONS, TENANT_STATUSES } from "@/components/cp/provisioning/format";
import { ListFilters } from "@/components/cp/provisioning/list-filters";
import { ListPager } from "@/components/cp/provisioning/list-pager";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { TenantList } from "@/components/cp/provisioning/tenant-list";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Tenants" };

type TSearch = { status?: string; region?: string; q?: string; cursor?: string };

export default async function TenantsPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  await requireOperator();
  const sp = await searchParams;
  const filters = { q: sp.q?.trim().slice(0, 200) || undefined, status: pick(TENANT_STATUSES, sp.status), region: pick(REGIONS, sp.region) };
  const firstPage = `/cp/tenants${listQuery(filters)}`;
  const page = await firstPageOnBadCursor(sp.cursor, firstPage, () => api.tenants.list({ ...filters, cursor: sp.cursor, limit: 25 }));
  const now = new Date();
  const filtered = Boolean(filters.q || filters.status || filters.region);
  const moving = page.items.some((t) => t.latest_job && isOpenJobStatus(t.latest_job.status));
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Tenants"
        description="Every company that signed up, newest first, with the node it lives on and its latest provision job."
        actions={<LiveRefresh active={!sp.cursor && moving} />}
      />
      <Card>
        <ListFilters
          path="/cp/tenants"
          statuses={TENANT_STATUSES}
          regions={REGIONS}
          values={filters}
          searchLabel="Search"
          searchPlaceholder="Slug, company or tenant id"
        />
        {page.items.length === 0 ? (
          filtered ? (
            <EmptyState title="No tenants match these filters">
              Search matches part of a slug or company name, or a whole tenant id.{" "}
              <Link href="/cp/tenants" className="font-medium text-indigo-700 hover:underline">Show all tenants</Link>
            </EmptyState>
          ) : (
            <EmptyState title="No tenants yet">
              Tenants appear here when they sign up through <code className="rounded bg-slate-100 px-1 text-xs">POST /v1/tenants</code>.
            </EmptyState>
          )
        ) : (
          <TenantList items={page.items} now={now} />
        )}
        <ListPager
          newestHref={sp.cursor ? firstPage : null}
          olderHref={page.nextCursor ? `/cp/tenants${listQuery({ ...filters, cursor: page.nextCursor })}` : null}
        />
      </Card>
    </div>
  );
}
