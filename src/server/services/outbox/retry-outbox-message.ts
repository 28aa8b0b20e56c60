import { z } from "zod";
import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { inTransaction } from "./in-transaction";
import { ZOutboxId } from "./outbox-id";
import { hasRemovedBody, REMOVED_BODIES } from "./outbox-status";

export const ZRetryOutboxMessageInput = z.object({ id: ZOutboxId });

/** Only these can be retried: a queued message already has a live job. */
const RETRYABLE = ["failed", "held"];

/** Puts a failed (or held) message back in the queue with a fresh delivery job. */
export async function retryOutboxMessage(opts: { id: string; db?: TDbOrTx }): Promise<{ id: string; status: "queued" }> {
  const parsed = ZRetryOutboxMessageInput.safeParse(opts);
  if (!parsed.success) throw new AppError("NOT_FOUND", { message: "outbox message not found" });
  const { id } = parsed.data;

  const run = async (tx: TDbOrTx) => {
    const { count } = await tx.outboxMessage.updateMany({
      // A sensitive message whose body was removed has nothing left to send.
      where: { id, status: { in: RETRYABLE }, NOT: { sensitive: true, body: { in: [...REMOVED_BODIES] } } },
      data: { status: "queued", lastError: null },
    });
    if (count === 0) {
      const row = await tx.outboxMessage.findUnique({ where: { id }, select: { status: true, sensitive: true, body: true } });
      if (!row) throw new AppError("NOT_FOUND", { message: `outbox message ${id} not found` });
      if (RETRYABLE.includes(row.status) && hasRemovedBody(row)) {
        throw new AppError("CONFLICT", {
          message: `outbox message ${id} cannot be retried: its sensitive contents were removed; ask for a new code instead`,
        });
      }
      throw new AppError("CONFLICT", {
        message: `outbox message ${id} is ${row.status}; only failed or held messages can be retried`,
      });
    }
    await enqueue("mail.send", { messageId: id }, { db: tx });
  };
  await inTransaction(opts.db ?? defaultDb(), run);
  return { id, status: "queued" };
}
