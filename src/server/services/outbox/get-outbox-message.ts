import { z } from "zod";
import { env } from "@/env";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { ZOutboxId } from "./outbox-id";
import { HIDDEN_BODY } from "./outbox-status";
import { OUTBOX_VIEW_SELECT, toView, type TOutboxMessageView } from "./outbox-view";
import { isSealed, openBody } from "./sealed-body";

export const ZGetOutboxMessageInput = z.object({ id: ZOutboxId, reveal: z.boolean().default(false) });
export type TGetOutboxMessageInput = z.input<typeof ZGetOutboxMessageInput> & {
  db?: TDbOrTx;
  /** Whether the outbox is the only mailbox (no SMTP configured); defaults from SMTP_URL. */
  localMailbox?: boolean;
};

/**
 * One outbox message with its body. A sensitive body stays hidden unless
 * `reveal` is set, which is refused while real SMTP delivers mail: revealing
 * only exists so a single-machine setup can read its one-time codes. The
 * caller writes the audit entry for a reveal.
 */
export async function getOutboxMessage(
  opts: TGetOutboxMessageInput,
): Promise<TOutboxMessageView & { body: string; revealed: boolean }> {
  const parsed = ZGetOutboxMessageInput.safeParse(opts);
  if (!parsed.success) throw new AppError("NOT_FOUND", { message: "outbox message not found" });
  const { id, reveal } = parsed.data;
  const row = await (opts.db ?? defaultDb()).outboxMessage.findUnique({ where: { id }, select: OUTBOX_VIEW_SELECT });
  if (!row) throw new AppError("NOT_FOUND", { message: `outbox message ${id} not found` });

  if (!row.sensitive || !isSealed(row.body)) return { ...toView(row), body: row.body, revealed: false };
  if (!reveal) return { ...toView(row), body: HIDDEN_BODY, revealed: false };
  if (!(opts.localMailbox ?? !env().SMTP_URL)) {
    throw new AppError("FORBIDDEN", { message: "sensitive mail can only be revealed when no SMTP server is configured" });
  }
  const body = openBody({ id: row.id, stored: row.body, secret: env().AUTH_SECRET });
  return { ...toView(row), body, revealed: true };
}
