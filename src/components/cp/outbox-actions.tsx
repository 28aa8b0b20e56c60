"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";

/** The message body, with reveal (admins, sensitive mail) and retry (failed or held mail). */
export function OutboxActions(props: {
  id: string;
  body: string;
  sensitive: boolean;
  status: string;
  canReveal: boolean;
  canRetry: boolean;
}) {
  const router = useRouter();
  const [body, setBody] = useState(props.body);
  const reveal = api.ops.outbox.reveal.useMutation({ onSuccess: (m) => setBody(m.body) });
  const retry = api.ops.outbox.retry.useMutation({ onSuccess: () => router.refresh() });
  const hidden = props.sensitive && !reveal.data;
  const error = reveal.error?.message ?? retry.error?.message;
  return (
    <div className="px-5 py-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-700">Body</h2>
        <div className="flex gap-2">
          {hidden && props.canReveal ? (
            <Button variant="secondary" size="sm" disabled={reveal.isPending} onClick={() => reveal.mutate({ id: props.id })}>
              {reveal.isPending ? "Revealing…" : "Reveal (audited)"}
            </Button>
          ) : null}
          {props.canRetry && (props.status === "failed" || props.status === "held") ? (
            <Button size="sm" disabled={retry.isPending} onClick={() => retry.mutate({ id: props.id })}>
              {retry.isPending ? "Queuing…" : "Retry delivery"}
            </Button>
          ) : null}
        </div>
      </div>
      {error ? <p role="alert" className="mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{error}</p> : null}
      <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-4 font-mono text-sm text-slate-800" data-testid="outbox-body">{body}</pre>
    </div>
  );
}
