import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { formatDuration } from "@/components/cp/provisioning/format";
import type { TWebhookDeliveryAttemptView } from "@/server/services/webhooks/get-webhook-delivery";
import { HttpStatus } from "./delivery-status-badge";

/** Every attempt of a delivery, newest first: when, why, what the receiver answered. */
export function AttemptLog({ attempts }: { attempts: TWebhookDeliveryAttemptView[] }) {
  if (attempts.length === 0) return <p className="px-5 py-6 text-sm text-slate-500">Not attempted yet.</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="attempt-log">
      {[...attempts].reverse().map((a) => {
        const ok = a.statusCode !== null && a.statusCode >= 200 && a.statusCode < 300;
        return (
          <li key={a.id} className="px-5 py-4" data-attempt={a.attempt} data-trigger={a.trigger} data-status-code={a.statusCode ?? ""}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
              <span className="font-medium text-slate-900">Attempt {a.attempt}</span>
              <Badge tone={a.trigger === "replay" ? "info" : "neutral"}>{a.trigger}</Badge>
              <HttpStatus code={a.statusCode} />
              <span className={ok ? "text-sm text-emerald-700" : "text-sm text-rose-700"}>{ok ? "delivered" : (a.error ?? "failed")}</span>
              <span className="ml-auto flex items-center gap-2 text-xs text-slate-500">
                <Time value={a.createdAt} /> UTC
                <span aria-hidden>·</span>
                <span className="tabular-nums">{formatDuration(a.durationMs)}</span>
              </span>
            </div>
            {a.responseSnippet ? (
              <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-xs text-slate-700">
                {a.responseSnippet}
              </pre>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
