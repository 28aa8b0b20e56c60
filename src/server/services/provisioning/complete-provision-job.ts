import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { onProvisionJobEnded } from "@/server/services/onboarding/on-provision-job-ended";
import { assignTenantToNode } from "@/server/services/nodes/assign-tenant-to-node";
import { insertNodeIfMissing } from "@/server/services/nodes/insert-node-if-missing";
import { defaultNodeCapacity } from "@/server/services/nodes/default-node-capacity";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import { ZProvisionJobId } from "@/server/services/trace/trace-event";
import { JSON_LIMITS, jsonLimits } from "@/server/validation/json-object";
import { text } from "@/server/validation/text";
import { isTerminal } from "./provision-job-state";
import { ZFailureStage } from "./provision-queue-message";

/** The size cap of `outputs`; the callback's trace event quotes them within its own `data` cap. */
export const PROVISION_OUTPUTS_MAX_BYTES = 16_000;
/** The longest failure message a callback may send; stored whole on the job, cut to fit in its trace event. */
export const PROVISION_MESSAGE_MAX = 4000;

export const ZProvisionOutputs = z
  .looseObject({
    node_id: z.string().regex(/^node-[a-z]{2}-[a-z0-9-]{3,40}$/).optional(),
    server_ip: text().max(253).optional(),
    db_server_ip: text().max(253).optional(),
    pulumi_stack: text().max(200).optional(),
  })
  // One level less than a trace event's `data`, which holds them under `outputs`.
  .check(jsonLimits({ maxBytes: PROVISION_OUTPUTS_MAX_BYTES, maxDepth: JSON_LIMITS.maxDepth - 1 }));

export const ZProvisionCompleteInput = z
  .strictObject({
    job_id: ZProvisionJobId,
    status: z.enum(["Completed", "Failed"]),
    failure_stage: ZFailureStage.optional(),
    message: text().max(PROVISION_MESSAGE_MAX).optional(),
    outputs: ZProvisionOutputs.optional(),
  })
  .refine((b) => b.status === "Completed" || b.failure_stage !== undefined, {
    message: "failure_stage is required when status is Failed",
    path: ["failure_stage"],
  });
export type TProvisionCompleteInput = z.infer<typeof ZProvisionCompleteInput>;

export type TProvisionCompleteResult = {
  job_id: string;
  status: "Completed" | "Failed";
  /** False when the same outcome had already been recorded. */
  changed: boolean;
};

/**
 * Records a workflow's outcome. The first outcome wins; the same outcome
 * again is a no-op, a different one is CONFLICT. Completed activates the
 * tenant and registers or links the node named in `outputs`.
 */
export async function completeProvisionJob(opts: {
  db?: TDb;
  input: TProvisionCompleteInput;
  source?: string;
}): Promise<TProvisionCompleteResult> {
  const db = opts.db ?? defaultDb();
  const { input } = opts;
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ id: string; status: string; failure_stage: string | null }[]>`
      SELECT id, status, failure_stage FROM provision_jobs WHERE id = ${input.job_id} FOR UPDATE`;
    if (!job) throw new AppError("NOT_FOUND", { message: `No provision job ${input.job_id}`, details: { job_id: input.job_id } });
    if (isTerminal(job.status)) {
      const same =
        job.status === input.status && (input.status === "Completed" || job.failure_stage === input.failure_stage);
      if (same) return { job_id: job.id, status: input.status, changed: false };
      throw new AppError("CONFLICT", {
        message: `Provision job ${job.id} already ended ${job.status}${job.failure_stage ? ` at ${job.failure_stage}` : ""}`,
        details: { job_id: job.id, status: job.status, failure_stage: job.failure_stage },
      });
    }
    const row = await tx.provisionJob.update({
      where: { id: job.id },
      data: {
        status: input.status,
        failureStage: input.status === "Failed" ? input.failure_stage : null,
        message: input.message ?? null,
        outputs: (input.outputs as Prisma.InputJsonValue | undefined) ?? undefined,
        finishedAt: new Date(),
      },
      select: { tenantId: true, traceId: true, region: true, dedicated: true },
    });
    let warning: string | null = null;
    if (input.status === "Completed") {
      await tx.tenant.update({ where: { id: row.tenantId }, data: { status: "active" } });
      if (input.outputs?.node_id) warning = await linkOutputNode(tx, row, input.outputs);
    } else {
      await tx.tenant.update({ where: { id: row.tenantId }, data: { status: "failed" } });
    }
    await appendTraceEvents({
      db: tx,
      events: [
        embarkEvent({
          trace_id: row.traceId,
          job_id: job.id,
          stage: "callback",
          // The callback arrived, so its stage succeeded whatever it reports;
          // only a run that failed at reporting itself marks it failed.
          status: input.status === "Failed" && input.failure_stage === "callback" ? "failed" : "succeeded",
          message:
            input.status === "Completed"
              ? "callback received: Completed"
              : `callback received: Failed at ${input.failure_stage}${input.message ? `: ${input.message}` : ""}`,
          data: { via: opts.source ?? "api", outputs: input.outputs ?? null, ...(warning ? { warning } : {}) },
        }),
      ],
    });
    await onProvisionJobEnded(tx, {
      jobId: job.id,
      status: input.status,
      failureStage: input.failure_stage,
      message: input.message,
    });
    return { job_id: job.id, status: input.status, changed: true };
  });
}

/** The node the workflow reports: linked when registered, registered when only the outputs know it. */
async function linkOutputNode(
  tx: TDbOrTx,
  job: { tenantId: string; region: string; dedicated: number | null },
  outputs: z.infer<typeof ZProvisionOutputs>,
): Promise<string | null> {
  const nodeId = outputs.node_id!;
  await insertNodeIfMissing(tx, {
    id: nodeId,
    region: job.region,
    serverIp: outputs.server_ip ?? null,
    dbServerIp: outputs.db_server_ip ?? null,
    dedicated: job.dedicated === 1,
    capacity: defaultNodeCapacity(job.dedicated === 1),
  });
  try {
    await assignTenantToNode({ db: tx, tenantId: job.tenantId, nodeId });
  } catch (err) {
    // The tenant runs there whatever our count says; refusing the callback
    // would lose the outcome. The trace keeps the discrepancy visible.
    if (!(err instanceof AppError) || err.code !== "CONFLICT") throw err;
    return `${err.message}; the tenant was not counted against it`;
  }
  return null;
}
