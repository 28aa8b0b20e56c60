import { EXPIRED_BODY, HIDDEN_BODY, WIPED_BODY, type TOutboxStatus } from "./outbox-status";
import { isSealed } from "./sealed-body";

/** An outbox message as operators see it; a sensitive body is never in it unless revealed. */
export type TOutboxMessageView = {
  id: string;
  to: string;
  subject: string;
  status: TOutboxStatus;
  sensitive: boolean;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export const OUTBOX_VIEW_SELECT = {
  id: true,
  to: true,
  subject: true,
  status: true,
  sensitive: true,
  attempts: true,
  lastError: true,
  messageId: true,
  createdAt: true,
  sentAt: true,
  body: true,
} as const;

type TRow = Omit<TOutboxMessageView, "status"> & { status: string; body: string };

/** Picks the view's fields one by one, so a body can never slip through. */
export function toView(row: TRow): TOutboxMessageView {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    status: row.status as TOutboxStatus,
    sensitive: row.sensitive,
    attempts: row.attempts,
    lastError: row.lastError,
    messageId: row.messageId,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

const PREVIEW_CHARS = 120;

/** A short, single-line preview; for sensitive mail only what happened to the body. */
export function previewOf(row: Pick<TRow, "sensitive" | "body">): string {
  if (row.sensitive) {
    if (isSealed(row.body)) return HIDDEN_BODY;
    return row.body === EXPIRED_BODY ? EXPIRED_BODY : WIPED_BODY;
  }
  const flat = row.body.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat;
}
