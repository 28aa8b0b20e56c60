import type { Prisma } from "@/generated/prisma/client";
import type { TDbOrTx } from "@/server/db";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import type { TProvisionQueueMessage } from "./provision-queue-message";

/**
 * Moves a Pending job to Dispatched with its run reference, its tenant to
 * provisioning, and traces it; false (and nothing written) when the job was
 * no longer Pending. Call it inside a transaction.
 */
export async function markDispatched(opts: {
  db: TDbOrTx;
  message: TProvisionQueueMessage;
  run: { id: string | null; url: string | null };
  note: string;
  data: Prisma.InputJsonObject;
}): Promise<boolean> {
  const { db, message } = opts;
  const now = new Date();
  const updated = await db.provisionJob.updateMany({
    where: { id: message.job_id, status: "Pending" },
    data: { status: "Dispatched", dispatchedAt: now, dispatchRunId: opts.run.id, dispatchRunUrl: opts.run.url },
  });
  if (updated.count === 0) return false;
  await db.tenant.updateMany({ where: { id: message.tenant_id }, data: { status: "provisioning" } });
  await appendTraceEvents({
    db,
    events: [
      embarkEvent({
        trace_id: message.trace_id!,
        job_id: message.job_id,
        stage: "dispatch",
        status: "succeeded",
        message: opts.note,
        data: { ...opts.data, inputs: message },
      }),
    ],
  });
  return true;
}
