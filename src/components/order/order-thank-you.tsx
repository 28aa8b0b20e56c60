"use client";

import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { api } from "@/trpc/react";
import { InstallCodePanel } from "./install-code-panel";

/** Polls the checkout's order status until the paid webhook has minted the code, then shows it (never minting here). */
export function OrderThankYou(props: { sessionId: string }) {
  const status = api.licensing.orderStatus.useQuery(
    { session_id: props.sessionId },
    { refetchInterval: (q) => (q.state.data?.state === "pending" || q.state.error ? 1500 : false), retry: false },
  );
  const data = status.data;
  if (status.error) return <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{status.error.message}</p>;
  if (!data || data.state === "pending") {
    return (
      <Card className="p-6" aria-busy="true">
        <p className="text-sm text-slate-700" role="status">Payment received by Stripe; waiting for its confirmation to reach us. Your code appears here in a moment.</p>
      </Card>
    );
  }
  if (data.state === "emailed") {
    return (
      <Card className="p-6">
        <h2 className="text-lg font-semibold text-slate-900">Your install code was emailed</h2>
        <p className="mt-1 text-sm text-slate-600">
          It was shown here once and sent to <span className="font-medium">{data.email}</span>; it works until <Time value={data.expires_at} /> UTC. Lost it? Ask for a new one from the link at the top.
        </p>
      </Card>
    );
  }
  return (
    <InstallCodePanel
      code={data.install_code}
      expiresAt={data.expires_at}
      downloadUrl={data.download_url}
      downloadUnavailableReason={data.download_unavailable_reason}
      email={data.email}
    />
  );
}
