import Link from "next/link";
import { api } from "@/trpc/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { buttonClass } from "@/components/ui/button";
import { OutboxStatusBadge } from "@/components/cp/outbox-status-badge";
import { cn } from "@/lib/cn";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Outbox" };

const FILTERS = ["all", "queued", "held", "sent", "failed"] as const;
type TStatus = Exclude<(typeof FILTERS)[number], "all">;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  await requireOperator();
  const sp = await searchParams;
  const status = FILTERS.includes(sp.status as TStatus) && sp.status !== "all" ? (sp.status as TStatus) : undefined;
  const page = await api.ops.outbox.list({ status, cursor: sp.cursor, limit: 25 });
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Outbox"
        description="Every email Embark sends. Without SMTP configured, mail is held here; one-time codes stay encrypted and are wiped once delivered."
      />
      <Card>
        <nav aria-label="Filter by status" className="flex gap-1 border-b border-slate-200 px-4 py-3">
          {FILTERS.map((f) => {
            const active = (status ?? "all") === f;
            return (
              <Link
                key={f}
                href={f === "all" ? "/cp/outbox" : `/cp/outbox?status=${f}`}
                aria-current={active ? "page" : undefined}
                className={cn("rounded-md px-3 py-1 text-sm capitalize", active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}
              >
                {f}
              </Link>
            );
          })}
        </nav>
        {page.items.length === 0 ? (
          <EmptyState title="No email here">Sign-in codes and notifications appear as they are sent.</EmptyState>
        ) : (
          <Table>
            <thead className="bg-slate-50">
              <tr>
                <Th>Created (UTC)</Th>
                <Th>To</Th>
                <Th>Subject</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <Td><Time value={m.createdAt} /></Td>
                  <Td>{m.to}</Td>
                  <Td className="max-w-md truncate">
                    <Link href={`/cp/outbox/${m.id}`} className="font-medium text-indigo-700 hover:underline">
                      {m.subject}
                    </Link>
                    {m.sensitive ? <span className="ml-2 text-xs text-slate-500">sensitive</span> : null}
                  </Td>
                  <Td><OutboxStatusBadge status={m.status} /></Td>
                  <Td className="tabular-nums">{m.attempts}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {page.nextCursor ? (
          <div className="border-t border-slate-200 px-5 py-3 text-right">
            <Link
              className={buttonClass("secondary", "sm")}
              href={`/cp/outbox?${new URLSearchParams({ ...(status ? { status } : {}), cursor: page.nextCursor })}`}
            >
              Older →
            </Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
