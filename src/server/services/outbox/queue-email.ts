import { z } from "zod";
import { env } from "@/env";
import { enqueue } from "@/jobs/registry";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { inTransaction } from "./in-transaction";
import { newOutboxId } from "./outbox-id";
import { sealBody } from "./sealed-body";

export const ZQueueEmailInput = z.object({
  to: z.email(),
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => !/[\r\n]/.test(s), "subject must be one line"),
  text: z.string().min(1).max(100_000),
  sensitive: z.boolean().default(false),
});
export type TQueueEmailInput = z.input<typeof ZQueueEmailInput> & { db?: TDbOrTx };

/**
 * Puts a plain-text email in the outbox and enqueues its delivery in the same
 * transaction (the caller's `db` transaction when given, so the mail exists
 * only if the caller's write commits). `sensitive` bodies (one-time codes,
 * install codes) are encrypted at rest and wiped once delivered.
 */
export async function queueEmail(opts: TQueueEmailInput): Promise<{ id: string }> {
  const parsed = ZQueueEmailInput.safeParse(opts);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", {
      message: "invalid email",
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const input = parsed.data;
  const id = newOutboxId();
  const body = input.sensitive ? sealBody({ id, text: input.text, secret: env().AUTH_SECRET }) : input.text;

  const write = async (tx: TDbOrTx) => {
    await tx.outboxMessage.create({
      data: { id, to: input.to, subject: input.subject, body, sensitive: input.sensitive },
    });
    await enqueue("mail.send", { messageId: id }, { db: tx });
  };
  await inTransaction(opts.db ?? defaultDb(), write);
  return { id };
}
