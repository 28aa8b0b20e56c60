import Link from "next/link";
import { api } from "@/trpc/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { AuditEntries } from "@/components/cp/audit-entries";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Audit log" };

type TSearch = { cursor?: string; action?: string; actor?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  await requireOperator();
  const sp = await searchParams;
  const page = await api.audit.list({ limit: 50, cursor: sp.cursor, action: sp.action || undefined, actor: sp.actor || undefined });
  const qs = (cursor: string) => new URLSearchParams({ ...(sp.action ? { action: sp.action } : {}), ...(sp.actor ? { actor: sp.actor } : {}), cursor }).toString();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title="Audit log" description="Every operator action, newest first. Rows are written in the same transaction as the change." />
      <Card>
        <form className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4" role="search">
          <div>
            <label htmlFor="action" className="block text-xs font-medium text-slate-600">Action</label>
            <input id="action" name="action" defaultValue={sp.action} placeholder="apiKey.* or outbox.retry" className={`${inputClass} mt-1 w-56`} />
          </div>
          <div>
            <label htmlFor="actor" className="block text-xs font-medium text-slate-600">Actor</label>
            <input id="actor" name="actor" defaultValue={sp.actor} placeholder="email or key name" className={`${inputClass} mt-1 w-56`} />
          </div>
          <button className={buttonClass("secondary")} type="submit">Filter</button>
        </form>
        {page.items.length === 0 ? (
          <EmptyState title="No operator actions yet">Creating an API key or retrying an email shows up here.</EmptyState>
        ) : (
          <AuditEntries items={page.items} />
        )}
        {page.nextCursor ? (
          <div className="border-t border-slate-200 px-5 py-3 text-right">
            <Link className={buttonClass("secondary", "sm")} href={`/cp/audit?${qs(page.nextCursor)}`}>Older →</Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
