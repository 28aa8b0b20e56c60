import { BackLink } from "@/components/cp/detail-header";
import { api, notFoundOr } from "@/trpc/server";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { OutboxStatusBadge } from "@/components/cp/outbox-status-badge";
import { OutboxActions } from "@/components/cp/outbox-actions";
import { REMOVED_BODIES } from "@/server/services/outbox/outbox-status";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Outbox message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { role } = await requireOperator();
  const { id } = await params;
  const message = await api.ops.outbox.get({ id }).catch(notFoundOr({ malformedIdToo: false }));
  return (
    <div className="mx-auto max-w-4xl">
      <BackLink href="/cp/outbox" label="Outbox" />
      <PageHeader title={message.subject} actions={<OutboxStatusBadge status={message.status} />} />
      <Card>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 border-b border-slate-200 px-5 py-4 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-500">To</dt><dd className="font-medium">{message.to}</dd></div>
          <div><dt className="text-slate-500">Message id</dt><dd className="font-mono text-xs">{message.id}</dd></div>
          <div><dt className="text-slate-500">Created</dt><dd><Time value={message.createdAt} /></dd></div>
          <div><dt className="text-slate-500">Sent</dt><dd><Time value={message.sentAt} /></dd></div>
          <div><dt className="text-slate-500">Attempts</dt><dd className="tabular-nums">{message.attempts}</dd></div>
          <div><dt className="text-slate-500">SMTP id</dt><dd className="font-mono text-xs">{message.messageId ?? "—"}</dd></div>
          {message.lastError ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{message.status === "held" ? "Note" : "Last error"}</dt>
              <dd className={message.status === "held" ? "text-amber-800" : "text-rose-700"}>{message.lastError}</dd>
            </div>
          ) : null}
        </dl>
        <OutboxActions
          id={message.id}
          body={message.body}
          sensitive={message.sensitive && !message.revealed}
          status={message.status}
          canReveal={role === "admin"}
          canRetry={(role === "admin" || role === "operator") && !REMOVED_BODIES.includes(message.body)}
        />
      </Card>
    </div>
  );
}
