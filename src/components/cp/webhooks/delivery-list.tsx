import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/cp/provisioning/relative-time";
import { DeliveryStatusBadge, HttpStatus } from "./delivery-status-badge";

type TDelivery = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  endpoint: { id: string; url: string };
};

const linkClass = "rounded font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** What happened last: the answer's code, or the error when there was no answer. */
function LastAnswer({ d }: { d: TDelivery }) {
  if (d.attempts === 0 && !d.lastError) return <span className="text-slate-400">not sent yet</span>;
  if (d.lastStatusCode !== null) return <HttpStatus code={d.lastStatusCode} />;
  return <span className="text-rose-700" title={d.lastError ?? undefined}>{shorten(d.lastError ?? "no answer", 48)}</span>;
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Deliveries as a table, or as cards on phones. */
export function DeliveryList({ items, now }: { items: TDelivery[]; now: Date }) {
  return (
    <>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label="Deliveries">
        {items.map((d) => (
          <li key={d.id} className="relative px-5 py-3 hover:bg-slate-50">
            <div className="flex items-start justify-between gap-3">
              <Link href={`/cp/webhooks/deliveries/${d.id}`} className={`min-w-0 truncate font-mono text-sm after:absolute after:inset-0 ${linkClass}`}>
                {d.eventType}
              </Link>
              <DeliveryStatusBadge status={d.status} attempts={d.attempts} />
            </div>
            <p className="mt-1 truncate font-mono text-xs text-slate-500">{d.endpoint.url}</p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
              <LastAnswer d={d} />
              <span aria-hidden>·</span>
              <span>{d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}</span>
              <span aria-hidden>·</span>
              <RelativeTime value={d.createdAt} now={now} />
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table>
          <caption className="sr-only">Webhook deliveries, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              <Th>Event</Th>
              <Th>Endpoint</Th>
              <Th>Status</Th>
              <Th>Last answer</Th>
              <Th className="text-right">Attempts</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((d) => (
              <tr key={d.id} className="hover:bg-slate-50">
                <Td>
                  <Link href={`/cp/webhooks/deliveries/${d.id}`} className={`font-mono text-xs ${linkClass}`}>{d.eventType}</Link>
                  <span className="block font-mono text-[11px] text-slate-500">{d.eventId}</span>
                </Td>
                <Td className="max-w-72 truncate font-mono text-xs" title={d.endpoint.url}>{d.endpoint.url}</Td>
                <Td>
                  <DeliveryStatusBadge status={d.status} attempts={d.attempts} />
                  {d.status === "pending" && d.attempts > 0 && d.nextAttemptAt ? (
                    <span className="block text-xs text-slate-500">next <RelativeIn value={d.nextAttemptAt} now={now} /></span>
                  ) : null}
                </Td>
                <Td><LastAnswer d={d} /></Td>
                <Td className="text-right tabular-nums">{d.attempts}</Td>
                <Td><RelativeTime value={d.createdAt} now={now} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}

/** "in 30 s", "in 12 min": when the next automatic attempt is due. */
export function RelativeIn({ value, now }: { value: Date; now: Date }) {
  const s = Math.max(0, Math.round((value.getTime() - now.getTime()) / 1000));
  const text = s < 60 ? `in ${s} s` : s < 3600 ? `in ${Math.round(s / 60)} min` : `in ${Math.round(s / 360) / 10} h`;
  const iso = value.toISOString();
  return <time dateTime={iso} title={`${iso.slice(0, 19).replace("T", " ")} UTC`}>{s === 0 ? "now" : text}</time>;
}
