"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { EndpointForm } from "./endpoint-form";
import { EndpointRow } from "./endpoint-row";
import { SecretOnce } from "./secret-once";

/** Endpoints and, for admins, the form that subscribes a new one and shows its secret once. */
export function EndpointsPanel({ canManage }: { canManage: boolean }) {
  const router = useRouter();
  const utils = api.useUtils();
  const endpoints = api.webhooks.listEndpoints.useQuery();
  // The form remounts after each creation, so it starts empty again.
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const create = api.webhooks.createEndpoint.useMutation({
    onSuccess: (e) => {
      setCreated({ url: e.url, secret: e.secret });
      setFormKey((k) => k + 1);
      void utils.webhooks.listEndpoints.invalidate();
      router.refresh();
    },
  });

  const list = (
    <Card className={canManage ? "min-w-0 lg:col-span-2" : "min-w-0"}>
      <CardHeader title="Endpoints" description="Each receives the events it is subscribed to, signed with its own secret." />
      {endpoints.isLoading ? (
        <p className="px-5 py-6 text-sm text-slate-500">Loading…</p>
      ) : endpoints.error ? (
        <p role="alert" className="px-5 py-6 text-sm text-rose-700">{endpoints.error.message}</p>
      ) : !endpoints.data?.length ? (
        <EmptyState title="No endpoints yet">
          {canManage ? "Add one to have Embark tell another system when onboardings and provision jobs finish." : "An admin can add one."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Webhook endpoints">
          {endpoints.data.map((e) => <EndpointRow key={e.id} endpoint={e} canManage={canManage} />)}
        </ul>
      )}
    </Card>
  );

  if (!canManage) return list;
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
      <Card className="min-w-0">
        <CardHeader title="New endpoint" description="Its signing secret is shown once, right after it is made." />
        <div className="px-5 py-4">
          <EndpointForm
            key={formKey}
            idPrefix="new-endpoint"
            submitLabel="Add endpoint"
            pendingLabel="Adding…"
            pending={create.isPending}
            error={create.error?.message}
            onSubmit={(v) => create.mutate({ url: v.url, events: v.events, description: v.description || undefined })}
          />
        </div>
        {created ? (
          <SecretOnce secret={created.secret} title={`Signing secret for ${created.url}`} onDone={() => setCreated(null)} />
        ) : null}
      </Card>
      {list}
    </div>
  );
}
