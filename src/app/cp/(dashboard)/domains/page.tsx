import Link from "next/link";
import { api } from "@/trpc/server";
import { requireOperator } from "@/trpc/require-operator";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { DomainStatusBadge } from "@/components/cp/portal-domains/domain-status-badge";
import { cn } from "@/lib/cn";

export const metadata = { title: "Portal domains" };

const FILTERS = [
  { key: undefined, label: "All" },
  { key: "in_progress", label: "In progress" },
  { key: "active", label: "Active" },
  { key: "failed", label: "Failed" },
  { key: "pending_certificate", label: "Awaiting cluster" },
  { key: "disabled", label: "Disabled" },
] as const;
type TFilter = (typeof FILTERS)[number]["key"];

function Stat({ label, value, tone }: { label: string; value: number; tone?: "good" | "bad" }) {
  return (
    <Card className="px-5 py-4">
      <p className="text-sm text-slate-500">{label}</p>
      <p className={cn("mt-1 text-3xl font-semibold tabular-nums", tone === "bad" && value > 0 ? "text-rose-600" : tone === "good" ? "text-emerald-700" : "text-slate-900")}>
        {value}
      </p>
    </Card>
  );
}

export default async function PortalDomainsPage({ searchParams }: { searchParams: Promise<{ status?: string; q?: string }> }) {
  await requireOperator();
  const sp = await searchParams;
  const status = FILTERS.find((f) => f.key === sp.status)?.key as TFilter;
  const q = sp.q?.slice(0, 200) || undefined;
  const { domains, counts } = await api.portalDomains.list({ status, q });
  const href = (s: TFilter) => {
    const p = new URLSearchParams();
    if (s) p.set("status", s);
    if (q) p.set("q", q);
    return `/cp/domains${p.size ? `?${p}` : ""}`;
  };
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title="Portal domains"
        description="Tenants' branded client-portal domains: DNS verification, certificates, routing and readiness."
      />
      <section aria-label="Totals" className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="domain-totals">
        <Stat label="Domains" value={counts.total} />
        <Stat label="Active" value={counts.active} tone="good" />
        <Stat label="Failed" value={counts.failed} tone="bad" />
        <Stat label="In progress" value={counts.in_progress} />
      </section>
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
        <nav aria-label="Filter by status" className="flex flex-wrap gap-1">
          {FILTERS.map((f) => (
            <Link
              key={f.label}
              href={href(f.key)}
              aria-current={status === f.key ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600",
                status === f.key ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-200/60",
              )}
            >
              {f.label}
            </Link>
          ))}
        </nav>
        <form action="/cp/domains" className="flex gap-2">
          {status ? <input type="hidden" name="status" value={status} /> : null}
          <label htmlFor="domain-search" className="sr-only">Search domains</label>
          <input id="domain-search" name="q" defaultValue={q} placeholder="Domain, domain id or tenant id" className={cn(inputClass, "w-72 max-w-full")} />
        </form>
      </div>
      {domains.length === 0 ? (
        <Card>
          <EmptyState title={status || q ? "No domains match" : "No portal domains yet"}>
            Tenants add a domain under Settings → Portal domain; it appears here with its progress.
          </EmptyState>
        </Card>
      ) : (
        <Card>
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Domain</Th>
                <Th className="hidden sm:table-cell">Tenant</Th>
                <Th>Status</Th>
                <Th className="hidden md:table-cell">Message</Th>
                <Th className="hidden sm:table-cell">Last checked</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {domains.map((d) => (
                <tr key={d.id} className="hover:bg-slate-50" data-domain-id={d.id}>
                  <Td>
                    <Link href={`/cp/domains/${d.id}`} className="font-medium text-indigo-700 [overflow-wrap:anywhere] hover:underline">
                      {d.domain}
                    </Link>
                    {d.open_alerts > 0 ? <p className="text-xs font-medium text-amber-700">⚠ open alert</p> : null}
                  </Td>
                  <Td className="hidden font-mono text-xs sm:table-cell">{d.tenant_slug}</Td>
                  <Td><DomainStatusBadge status={d.status} /></Td>
                  <Td className="hidden min-w-64 max-w-md whitespace-normal text-sm text-slate-600 md:table-cell">{d.status_message}</Td>
                  <Td className="hidden sm:table-cell"><Time value={d.last_checked_at} /></Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </div>
  );
}
