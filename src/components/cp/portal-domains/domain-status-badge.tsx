import { Badge, type TBadgeTone } from "@/components/ui/badge";

const TONE: Record<string, TBadgeTone> = {
  pending: "neutral",
  verifying_dns: "info",
  pending_certificate: "warn",
  deploying: "info",
  active: "good",
  dns_failed: "bad",
  certificate_failed: "bad",
  disabled: "neutral",
};

export const DOMAIN_STATUS_LABEL: Record<string, string> = {
  pending: "Pending",
  verifying_dns: "Verifying DNS",
  pending_certificate: "Pending certificate",
  deploying: "Deploying",
  active: "Active",
  dns_failed: "DNS failed",
  certificate_failed: "Certificate failed",
  disabled: "Disabled",
};

/** States a reconciliation is still working through, so a page showing one refreshes itself. */
export const MOVING_DOMAIN_STATUSES = new Set(["pending", "verifying_dns", "deploying"]);

export function DomainStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? "neutral"}>{DOMAIN_STATUS_LABEL[status] ?? status}</Badge>;
}
