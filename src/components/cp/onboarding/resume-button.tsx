"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RetryIcon } from "@/components/cp/provisioning/retry-job-button";

/**
 * Resumes a failed onboarding at its first unfinished step, then shows the
 * page as it is now. The page renders it for operators whatever the status,
 * so a refusal (someone resumed it first: 409) stays on screen after the
 * refresh that hides the button.
 */
export function ResumeButton(props: {
  onboardingId: string;
  platformName: string;
  stepLabel: string;
  failed: boolean;
  resumeCount: number;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const resume = api.onboarding.resume.useMutation({ onSettled: () => router.refresh() });
  // Resumed, and the page has not caught up yet: the button stays busy until it has.
  const busy = resume.isPending || (resume.data !== undefined && props.resumeCount < resume.data.resumeCount);
  if (!props.failed && !resume.error) return null;
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      {props.failed ? (
        <Button disabled={busy} onClick={() => setAsking(true)}>
          <RetryIcon />
          {busy ? "Resuming…" : "Resume"}
        </Button>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={`Resume onboarding of ${props.platformName}?`}
        confirmLabel="Resume onboarding"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          resume.mutate({ id: props.onboardingId });
        }}
      >
        It restarts at &ldquo;{props.stepLabel}&rdquo;; finished steps do not run again.
      </ConfirmDialog>
      {resume.error ? (
        <p role="alert" className="max-w-xs rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700" data-testid="resume-error">
          <span className="font-medium">Not resumed.</span> {resume.error.message}
        </p>
      ) : null}
    </div>
  );
}
