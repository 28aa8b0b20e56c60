"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Time } from "@/components/ui/time";
import type { TWebhookEventType } from "@/server/services/webhooks/event-types";
import type { TWebhookEndpointListItem } from "@/server/services/webhooks/list-webhook-endpoints";
import { EndpointForm } from "./endpoint-form";
import { SecretOnce } from "./secret-once";

/** One endpoint: what it receives, how it is doing, and (admins) edit, enable, rotate and delete. */
export function EndpointRow({ endpoint: e, canManage }: { endpoint: TWebhookEndpointListItem; canManage: boolean }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [editing, setEditing] = useState(false);
  const [rotatedSecret, setRotatedSecret] = useState<string | null>(null);
  const refresh = () => {
    void utils.webhooks.listEndpoints.invalidate();
    router.refresh();
  };
  const update = api.webhooks.updateEndpoint.useMutation({ onSuccess: () => (setEditing(false), refresh()) });
  const rotate = api.webhooks.rotateSecret.useMutation({ onSuccess: (r) => (setRotatedSecret(r.secret), refresh()) });
  const remove = api.webhooks.deleteEndpoint.useMutation({ onSuccess: refresh });
  const busy = update.isPending || rotate.isPending || remove.isPending;
  const error = (!editing && update.error?.message) || rotate.error?.message || remove.error?.message;

  return (
    <li className="px-5 py-4" data-testid="webhook-endpoint">
      <p className="flex flex-wrap items-center gap-2">
        <span className="break-all font-mono text-sm font-medium text-slate-900">{e.url}</span>
        {e.enabled ? <Badge tone="good">enabled</Badge> : <Badge tone="neutral">disabled</Badge>}
      </p>
      {e.description ? <p className="mt-0.5 text-sm text-slate-600">{e.description}</p> : null}
      <div className="mt-2 flex flex-wrap gap-1">
        {e.events.map((t) => <Badge key={t} tone="info">{t}</Badge>)}
      </div>
      <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
        <span>Secret <code className="font-mono text-slate-700">{e.secretPrefix}…</code></span>
        <span>Added by {e.createdBy} on <Time value={e.createdAt} /></span>
        <RecentHealth failed={e.recentFailed} retrying={e.recentRetrying} />
        <Link href={`/cp/webhooks?endpoint=${e.id}#deliveries`} className="font-medium text-indigo-700 hover:underline">
          Deliveries →
        </Link>
      </p>
      {canManage && !editing ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => setEditing(true)}>Edit</Button>
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => update.mutate({ id: e.id, enabled: !e.enabled })}>
            {e.enabled ? "Disable" : "Enable"}
          </Button>
          <ConfirmButton
            variant="secondary"
            size="sm"
            disabled={busy}
            title="Rotate the signing secret?"
            body={<>Requests to <span className="break-all font-medium">{e.url}</span> are signed with the new secret at once; the receiver must be updated.</>}
            confirmLabel="Rotate secret"
            onConfirm={() => rotate.mutate({ id: e.id })}
          >
            Rotate secret
          </ConfirmButton>
          <ConfirmButton
            variant="secondary"
            size="sm"
            className="text-rose-700"
            disabled={busy}
            title="Delete this endpoint?"
            body={<><span className="break-all font-medium">{e.url}</span> stops receiving events; its deliveries and their logs are deleted too.</>}
            confirmLabel="Delete endpoint"
            onConfirm={() => remove.mutate({ id: e.id })}
          >
            Delete
          </ConfirmButton>
        </div>
      ) : null}
      {error ? <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{error}</p> : null}
      {editing ? (
        <div className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-4">
          <EndpointForm
            idPrefix={`edit-${e.id}`}
            initial={{ url: e.url, description: e.description ?? "", events: e.events as TWebhookEventType[] }}
            submitLabel="Save"
            pendingLabel="Saving…"
            pending={update.isPending}
            error={update.error?.message}
            onSubmit={(v) => update.mutate({ id: e.id, url: v.url, events: v.events, description: v.description })}
            onCancel={() => (setEditing(false), update.reset())}
          />
        </div>
      ) : null}
      {rotatedSecret ? (
        <div className="-mx-5 -mb-4 mt-4">
          <SecretOnce secret={rotatedSecret} title="New signing secret" onDone={() => setRotatedSecret(null)} />
        </div>
      ) : null}
    </li>
  );
}

function RecentHealth({ failed, retrying }: { failed: number; retrying: number }) {
  if (!failed && !retrying) return <span>No failures in 24 h</span>;
  return (
    <span>
      {failed ? <span className="font-medium text-rose-700">{failed} failed</span> : null}
      {failed && retrying ? ", " : null}
      {retrying ? <span className="font-medium text-amber-700">{retrying} retrying</span> : null}
      <span> in 24 h</span>
    </span>
  );
}
