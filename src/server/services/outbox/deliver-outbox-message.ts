import { env } from "@/env";
import { retryWrite } from "@/server/database/retry-write";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { describeMailError } from "@/server/integrations/mail/describe-mail-error";
import type { TMailer } from "@/server/integrations/mail/smtp-mailer";
import { logger } from "@/server/logger";
import { HELD_REASON, hasRemovedBody, WIPED_BODY } from "./outbox-status";
import { isSealed, openBody } from "./sealed-body";

export type TDeliveryOutcome = "sent" | "already-sent" | "held" | "missing" | "undecryptable" | "contents-removed";

/** `lastError` of a sensitive message whose body was removed before it could be sent. */
export const CONTENTS_REMOVED_REASON = "the sensitive contents were removed before delivery; nothing left to send";

/**
 * Sends one outbox message (the core of the `mail.send` job). Idempotent: a
 * message already sent is not sent again. Without a mailer the message is
 * held. A refused delivery records the reason and throws so the job retries;
 * on the last attempt the message is marked failed.
 */
export async function deliverOutboxMessage(opts: {
  id: string;
  isLastAttempt: boolean;
  mailer: TMailer | null;
  /** Aborted when the job gives up on the attempt (stops retrying the final write). */
  signal?: AbortSignal;
  /** Key material for sealed bodies; defaults to AUTH_SECRET. */
  secret?: string;
  db?: TDbOrTx;
}): Promise<TDeliveryOutcome> {
  const db = opts.db ?? defaultDb();
  const row = await db.outboxMessage.findUnique({
    where: { id: opts.id },
    select: { id: true, to: true, subject: true, body: true, sensitive: true, status: true },
  });
  // A deleted row has nothing left to deliver; retrying cannot change that.
  if (!row) return "missing";
  if (row.status === "sent") return "already-sent";
  // An expired code must never go out as its placeholder text.
  if (hasRemovedBody(row)) {
    await db.outboxMessage.updateMany({
      where: { id: row.id, status: { not: "sent" } },
      data: { status: "failed", lastError: CONTENTS_REMOVED_REASON },
    });
    return "contents-removed";
  }
  if (!opts.mailer) {
    await db.outboxMessage.updateMany({
      where: { id: row.id, status: { not: "sent" } },
      data: { status: "held", lastError: HELD_REASON },
    });
    return "held";
  }

  let text = row.body;
  if (row.sensitive && isSealed(row.body)) {
    try {
      text = openBody({ id: row.id, stored: row.body, secret: opts.secret ?? env().AUTH_SECRET });
    } catch {
      // Only a changed AUTH_SECRET gets here; no retry can recover the body.
      await db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "failed", lastError: "the sealed body cannot be decrypted (was AUTH_SECRET changed?)" },
      });
      return "undecryptable";
    }
  }

  await db.outboxMessage.update({ where: { id: row.id }, data: { attempts: { increment: 1 } } });
  let accepted: { messageId: string };
  try {
    accepted = await opts.mailer.send({ id: row.id, to: row.to, subject: row.subject, text });
  } catch (err) {
    const lastError = describeMailError(err);
    await db.outboxMessage.updateMany({
      where: { id: row.id, status: { not: "sent" } },
      data: { lastError, status: opts.isLastAttempt ? "failed" : "queued" },
    });
    logger.warn({ outboxId: row.id, lastError, final: opts.isLastAttempt }, "mail delivery failed");
    throw new AppError("UNAVAILABLE", { message: `delivery of ${row.id} failed: ${lastError}` });
  }

  // The server has the mail: a database hiccup now must not fail the job and send it again.
  const sentAt = new Date();
  await retryWrite(
    () =>
      db.outboxMessage.update({
        where: { id: row.id },
        data: {
          status: "sent",
          sentAt,
          messageId: accepted.messageId,
          lastError: null,
          // Codes are useless to keep once the server has the mail, and a risk if kept.
          ...(row.sensitive ? { body: WIPED_BODY } : {}),
        },
      }),
    { what: `the delivery of ${row.id}`, signal: opts.signal },
  );
  logger.info({ outboxId: row.id, messageId: accepted.messageId }, "mail delivered");
  return "sent";
}
