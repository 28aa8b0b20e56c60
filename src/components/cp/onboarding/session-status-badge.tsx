import type { TBadgeTone } from "@/components/ui/badge";
import { DotBadge } from "@/components/cp/provisioning/status-badges";
import { PAYMENT_LABELS, SESSION_STATUS_LABELS } from "./format";

const SESSION_TONE: Record<string, TBadgeTone> = { pending: "neutral", in_progress: "info", completed: "good", failed: "bad" };

/** An onboarding session's status; one in progress pulses. */
export function SessionStatusBadge({ status }: { status: string }) {
  return (
    <DotBadge tone={SESSION_TONE[status] ?? "neutral"} pulse={status === "in_progress"}>
      {SESSION_STATUS_LABELS[status as keyof typeof SESSION_STATUS_LABELS] ?? status}
    </DotBadge>
  );
}

const PAYMENT_TONE: Record<string, TBadgeTone> = { not_required: "neutral", awaiting_payment: "warn", paid: "good" };

export function PaymentStatusBadge({ status }: { status: string }) {
  return <DotBadge tone={PAYMENT_TONE[status] ?? "neutral"}>{PAYMENT_LABELS[status] ?? status}</DotBadge>;
}
