/** pending includes waiting for a retry. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type TWebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_SELECT = {
  id: true,
  eventId: true,
  eventType: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  deliveredAt: true,
  createdAt: true,
  endpoint: { select: { id: true, url: true, enabled: true } },
} as const;

/** A delivery as operators see it in lists. */
export type TWebhookDeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  status: TWebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  endpoint: { id: string; url: string; enabled: boolean };
};

type TRow = Omit<TWebhookDeliveryView, "status"> & { status: string };

export function toDeliveryView(row: TRow): TWebhookDeliveryView {
  return { ...row, status: row.status as TWebhookDeliveryStatus };
}
