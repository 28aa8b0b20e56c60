import { z } from "zod";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { OUTBOX_STATUSES } from "./outbox-status";
import { OUTBOX_VIEW_SELECT, previewOf, toView, type TOutboxMessageView } from "./outbox-view";
import { text } from "@/server/validation/text";

export const ZListOutboxInput = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  cursor: text().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type TListOutboxInput = z.input<typeof ZListOutboxInput> & { db?: TDbOrTx };
export type TOutboxListItem = TOutboxMessageView & { preview: string };

/** Newest first, keyset-paginated on (createdAt, id); `nextCursor` is null on the last page. */
export async function listOutbox(
  opts: TListOutboxInput,
): Promise<{ items: TOutboxListItem[]; nextCursor: string | null }> {
  const parsed = ZListOutboxInput.safeParse(opts);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", {
      message: "invalid outbox query",
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const { status, cursor, limit } = parsed.data;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const rows = await (opts.db ?? defaultDb()).outboxMessage.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: OUTBOX_VIEW_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toView(row), preview: previewOf(row) })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("BAD_REQUEST", { message: "invalid cursor" });
  }
  return { createdAt, id };
}
