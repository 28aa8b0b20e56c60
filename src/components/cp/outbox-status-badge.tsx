import { Badge, type TBadgeTone } from "@/components/ui/badge";

const TONE: Record<string, TBadgeTone> = { queued: "info", sent: "good", held: "warn", failed: "bad" };

export function OutboxStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{status}</Badge>;
}
