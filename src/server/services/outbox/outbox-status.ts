/** Lifecycle of an outbox message. `held`: no SMTP configured, so the outbox is the mailbox. */
export const OUTBOX_STATUSES = ["queued", "sent", "failed", "held"] as const;
export type TOutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a sensitive body becomes once the SMTP server accepted the mail. */
export const WIPED_BODY = "[delivered; contents removed]";

/** Shown instead of a sensitive body that is still encrypted. */
export const HIDDEN_BODY = "[sensitive; hidden]";

export const HELD_REASON = "no SMTP configured; kept in the outbox";

/** What a sensitive body becomes when it was kept past its usefulness without being delivered. */
export const EXPIRED_BODY = "[expired; contents removed]";

/** The bodies a sensitive message is left with once its contents are gone; none of them is worth mailing. */
export const REMOVED_BODIES: readonly string[] = [WIPED_BODY, EXPIRED_BODY];

/** Whether a message's contents were removed (delivered or expired), leaving nothing to send. */
export function hasRemovedBody(row: { sensitive: boolean; body: string }): boolean {
  return row.sensitive && REMOVED_BODIES.includes(row.body);
}
