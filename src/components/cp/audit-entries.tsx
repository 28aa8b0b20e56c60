import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";

type TAuditEntry = {
  id: string;
  createdAt: Date;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
};

const target = (e: TAuditEntry) => (e.targetType ? `${e.targetType}/${e.targetId ?? ""}` : "—");

function ActionCode({ action }: { action: string }) {
  return <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs break-all">{action}</code>;
}

/**
 * Audit rows as a table on wide screens and as a list on narrow ones. Ids
 * wrap inside their cells, so the table fits its card instead of hiding its
 * last columns past the edge.
 */
export function AuditEntries({ items }: { items: TAuditEntry[] }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 lg:hidden" aria-label="Audit log entries">
        {items.map((e) => (
          <li key={e.id} className="space-y-1 px-5 py-3 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <ActionCode action={e.action} />
              <span className="text-xs tabular-nums text-slate-500"><Time value={e.createdAt} /> UTC</span>
            </div>
            <p className="break-all text-slate-900">{e.actorLabel}</p>
            <p className="break-all font-mono text-xs text-slate-600">{target(e)}</p>
            {e.requestId ? <p className="break-all font-mono text-xs text-slate-500">request {e.requestId}</p> : null}
          </li>
        ))}
      </ul>
      <div className="hidden lg:block" data-testid="audit-table">
        <Table className="w-full table-fixed">
          <caption className="sr-only">Operator actions, newest first</caption>
          <colgroup>
            <col className="w-40" />
            <col className="w-[22%]" />
            <col className="w-[18%]" />
            <col />
            <col className="w-[22%]" />
          </colgroup>
          <thead className="bg-slate-50">
            <tr>
              <Th>When (UTC)</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Request</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((e) => (
              <tr key={e.id} className="align-top">
                <Td className="tabular-nums"><Time value={e.createdAt} /></Td>
                <Td className="whitespace-normal break-all">{e.actorLabel}</Td>
                <Td className="whitespace-normal"><ActionCode action={e.action} /></Td>
                <Td className="whitespace-normal break-all font-mono text-xs">{target(e)}</Td>
                <Td className="whitespace-normal break-all font-mono text-xs text-slate-500">{e.requestId ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
