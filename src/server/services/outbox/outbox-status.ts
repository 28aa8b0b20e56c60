/** Lifecycle of an outbox message. `held`: no SMTP configured, so the outbox is the mailbox. */
export const OUTBOX_STATUSES = ["queued", "sent", "failed", "held"] as const;
export type TOutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a sensitive body becomes once the SMTP server accepted the mail. */
export const WIPED_BODY = "[delivered; contents removed]";

/** Shown instead of a sensitive body that is still encrypted. */
export const HIDDEN_BODY = "[sensitive; hidden]";

export const HELD_REASON = "no SMTP configured; kept in the outbox";
