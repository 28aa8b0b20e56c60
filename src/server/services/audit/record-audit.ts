import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import type { TAuditActor } from "./types";

/**
 * Writes one audit row. Pass the transaction of the change being audited so
 * the row exists exactly when the change does.
 */
export async function recordAudit(opts: {
  db?: TDbOrTx;
  actor: TAuditActor;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
  requestId?: string;
}): Promise<{ id: string }> {
  const db = opts.db ?? defaultDb();
  return db.auditLog.create({
    data: {
      id: randomUUID(),
      actorId: opts.actor.id,
      actorLabel: opts.actor.label,
      action: opts.action,
      targetType: opts.targetType ?? null,
      targetId: opts.targetId ?? null,
      details: opts.details,
      requestId: opts.requestId ?? null,
    },
    select: { id: true },
  });
}
