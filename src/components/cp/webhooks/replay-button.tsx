"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { api } from "@/trpc/react";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** How long the page follows a queued replay before leaving it to a manual reload. */
const FOLLOW_MS = 20_000;

/**
 * Queues a replay, then refreshes the page until the replay's attempt shows
 * in the log (the attempt itself runs in a background job).
 */
export function ReplayButton({ deliveryId, url, attempts }: { deliveryId: string; url: string; attempts: number }) {
  const router = useRouter();
  const [queuedAt, setQueuedAt] = useState<{ attempts: number; at: number } | null>(null);
  const replay = api.webhooks.replay.useMutation({ onSuccess: () => setQueuedAt({ attempts, at: Date.now() }) });
  const waiting = queuedAt !== null && attempts <= queuedAt.attempts;

  useEffect(() => {
    if (!waiting || !queuedAt) return;
    const timer = window.setInterval(() => {
      if (Date.now() - queuedAt.at > FOLLOW_MS) window.clearInterval(timer);
      else router.refresh();
    }, 1000);
    return () => window.clearInterval(timer);
  }, [waiting, queuedAt, router]);

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <ConfirmButton
        disabled={replay.isPending || waiting}
        title="Send this event again?"
        body={<>It goes to <span className="break-all font-medium">{url}</span> once more; the attempt is logged as a replay.</>}
        confirmLabel="Replay"
        onConfirm={() => replay.mutate({ id: deliveryId })}
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path fillRule="evenodd" d="M15.312 11.424a5.5 5.5 0 0 1-9.201 2.466l-.312-.311h2.433a.75.75 0 0 0 0-1.5H3.989a.75.75 0 0 0-.75.75v4.242a.75.75 0 0 0 1.5 0v-2.43l.31.31a7 7 0 0 0 11.712-3.138.75.75 0 0 0-1.449-.39Zm1.23-3.723a.75.75 0 0 0 .219-.53V2.929a.75.75 0 0 0-1.5 0V5.36l-.31-.31A7 7 0 0 0 3.239 8.188a.75.75 0 1 0 1.448.389A5.5 5.5 0 0 1 13.89 6.11l.311.31h-2.432a.75.75 0 0 0 0 1.5h4.243a.75.75 0 0 0 .53-.219Z" clipRule="evenodd" />
        </svg>
        {replay.isPending ? "Queuing…" : waiting ? "Replaying…" : "Replay"}
      </ConfirmButton>
      {replay.error ? <p role="alert" className="max-w-xs rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{replay.error.message}</p> : null}
      {queuedAt && !waiting ? <p role="status" className="text-sm text-emerald-700">Replayed: see the last attempt below.</p> : null}
    </div>
  );
}
