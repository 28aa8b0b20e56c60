import Link from "next/link";
import { BackLink } from "@/components/cp/detail-header";
import { hasOperatorRole } from "@/server/auth/roles";
import { api, notFoundOr } from "@/trpc/server";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { Fact } from "@/components/cp/provisioning/job-facts";
import { LiveRefresh } from "@/components/cp/provisioning/live-refresh";
import { AttemptLog } from "@/components/cp/webhooks/attempt-log";
import { DeliveryStatusBadge } from "@/components/cp/webhooks/delivery-status-badge";
import { RelativeIn } from "@/components/cp/webhooks/delivery-list";
import { ReplayButton } from "@/components/cp/webhooks/replay-button";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Webhook delivery" };

export default async function WebhookDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireOperator();
  const { id } = await params;
  const d = await api.webhooks.delivery({ id }).catch(notFoundOr({ malformedIdToo: true }));
  const now = new Date();
  const canReplay = hasOperatorRole(user.role, "operator");
  const retrying = d.status === "pending" && d.attempts > 0 && d.nextAttemptAt;

  return (
    <div className="mx-auto max-w-7xl">
      <BackLink href="/cp/webhooks#deliveries" label="Webhooks" />
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <h1 className="font-mono text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{d.eventType}</h1>
            <span data-testid="delivery-status"><DeliveryStatusBadge status={d.status} attempts={d.attempts} /></span>
            <LiveRefresh active={d.status === "pending"} intervalMs={4000} />
          </div>
          <p className="mt-1 break-all font-mono text-sm text-slate-700">to {d.endpoint.url}</p>
          <p className="mt-1 break-all font-mono text-xs text-slate-500">{d.id}</p>
        </div>
        {!d.endpoint.enabled ? (
          <p className="max-w-xs text-right text-sm text-slate-500">The endpoint is disabled; enable it to replay.</p>
        ) : canReplay ? (
          <ReplayButton deliveryId={d.id} url={d.endpoint.url} attempts={d.attempts} />
        ) : (
          <p className="max-w-xs text-right text-sm text-slate-500">Replaying a delivery needs the operator role.</p>
        )}
      </header>

      {d.status === "failed" ? (
        <section aria-label="Failure" className="mb-6 rounded-lg border border-rose-200 bg-rose-50 px-5 py-4" data-testid="delivery-failure">
          <h2 className="font-semibold text-rose-900">Not delivered</h2>
          <p className="mt-1 break-words text-sm text-rose-800">{d.lastError ?? "The last attempt failed."}</p>
        </section>
      ) : retrying ? (
        <section aria-label="Retrying" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-5 py-4 text-sm text-amber-900">
          The last attempt failed ({d.lastError}). Next automatic attempt <RelativeIn value={d.nextAttemptAt!} now={now} />; retries stop 24 hours after the event.
        </section>
      ) : null}

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="Attempts" description="Newest first. Times are UTC; the answer is cut at 500 characters." />
            <AttemptLog attempts={d.attemptLog} />
          </Card>
          <Card>
            <CardHeader title="Payload" description="The request body, shown indented; it is sent as compact JSON, and the signature covers those exact bytes." />
            <pre className="max-h-[32rem] overflow-auto px-5 py-4 font-mono text-xs leading-relaxed text-slate-800" data-testid="delivery-payload">
              {JSON.stringify({ id: d.payload.id, type: d.payload.type, created_at: d.payload.created_at, data: d.payload.data }, null, 2)}
            </pre>
          </Card>
        </div>
        <aside className="min-w-0" aria-label="Delivery details">
          <Card>
            <CardHeader title="Delivery" />
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 px-5 py-4">
              <Fact label="Endpoint" wide>
                <Link href={`/cp/webhooks?endpoint=${d.endpoint.id}#deliveries`} className="break-all font-mono text-xs font-medium text-indigo-700 hover:underline">
                  {d.endpoint.url}
                </Link>
                {!d.endpoint.enabled ? <span className="block text-xs text-slate-500">disabled</span> : null}
              </Fact>
              <Fact label="Event id" wide><span className="break-all font-mono text-xs">{d.eventId}</span></Fact>
              <Fact label="Created"><Time value={d.createdAt} /></Fact>
              <Fact label="Delivered"><Time value={d.deliveredAt} /></Fact>
              <Fact label="Attempts"><span className="tabular-nums">{d.attempts}</span></Fact>
              <Fact label="Last answer">{d.lastStatusCode ?? "—"}</Fact>
            </dl>
          </Card>
        </aside>
      </div>
    </div>
  );
}
