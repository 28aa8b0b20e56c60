"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Two circling arrows: the mark of a button that runs something again. */
export function RetryIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
      <path fillRule="evenodd" d="M15.312 11.424a5.5 5.5 0 0 1-9.201 2.466l-.312-.311h2.433a.75.75 0 0 0 0-1.5H3.989a.75.75 0 0 0-.75.75v4.242a.75.75 0 0 0 1.5 0v-2.43l.31.31a7 7 0 0 0 11.712-3.138.75.75 0 0 0-1.449-.39Zm1.23-3.723a.75.75 0 0 0 .219-.53V2.929a.75.75 0 0 0-1.5 0V5.36l-.31-.31A7 7 0 0 0 3.239 8.188a.75.75 0 1 0 1.448.389A5.5 5.5 0 0 1 13.89 6.11l.311.31h-2.432a.75.75 0 0 0 0 1.5h4.243a.75.75 0 0 0 .53-.219Z" clipRule="evenodd" />
    </svg>
  );
}

/** Starts the next attempt of a Failed provision job and opens it. */
export function RetryJobButton({ jobId, slug, nextAttempt }: { jobId: string; slug: string; nextAttempt: number }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const retry = api.jobs.retry.useMutation({
    onSuccess: (res) => router.push(`/cp/jobs/${res.job_id}`),
    // Someone else may have retried it first: show the page as it is now.
    onError: () => router.refresh(),
  });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button disabled={retry.isPending || retry.isSuccess} onClick={() => setAsking(true)}>
        <RetryIcon />
        {retry.isPending ? "Retrying…" : retry.isSuccess ? "Opening attempt…" : "Retry"}
      </Button>
      <ConfirmDialog
        open={asking}
        title={`Retry provisioning ${slug}?`}
        confirmLabel={`Start attempt ${nextAttempt}`}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          retry.mutate({ job_id: jobId });
        }}
      >
        This starts attempt {nextAttempt} with a fresh dispatch, for the same tenant and trace.
      </ConfirmDialog>
      {retry.error ? (
        <p role="alert" className="max-w-xs rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{retry.error.message}</p>
      ) : null}
    </div>
  );
}
