import { env } from "@/env";
import { runLocalWorkflow } from "@/server/integrations/local-runner/run-local-workflow";
import { db as defaultDb, type TDb } from "@/server/db";
import { logger } from "@/server/logger";
import { buildProvisionQueueMessage, ZProvisionStage } from "./provision-queue-message";

/**
 * Runs a job dispatched to the local runner. A job that already ended (the
 * callback arrived before a crash) is not run again.
 */
export async function runLocalProvisionJob(opts: {
  db?: TDb;
  jobId: string;
  signal?: AbortSignal;
  baseUrl?: string;
}): Promise<void> {
  const db = opts.db ?? defaultDb();
  const config = env();
  const job = await db.provisionJob.findUnique({
    where: { id: opts.jobId },
    select: {
      id: true,
      status: true,
      tenantId: true,
      region: true,
      infraMode: true,
      dedicated: true,
      targetServerId: true,
      traceId: true,
      simulateFailureStage: true,
      tenant: { select: { slug: true, canonicalHostname: true } },
    },
  });
  if (!job || (job.status !== "Dispatched" && job.status !== "Running")) {
    logger.info({ jobId: opts.jobId, status: job?.status ?? null }, "local run skipped: job is not waiting for a run");
    return;
  }
  const failStage = ZProvisionStage.safeParse(job.simulateFailureStage);
  const result = await runLocalWorkflow({
    baseUrl: opts.baseUrl ?? config.EMBARK_PUBLIC_URL,
    apiKey: config.INTERNAL_API_KEY,
    message: buildProvisionQueueMessage({
      jobId: job.id,
      tenantId: job.tenantId,
      region: job.region,
      createNewServer: job.infraMode === "create_new_server",
      targetServerId: job.targetServerId,
      subdomainSlug: job.tenant.slug,
      canonicalHostname: job.tenant.canonicalHostname,
      dedicated: job.dedicated === 1,
      traceId: job.traceId,
    }),
    failStage: failStage.success ? failStage.data : null,
    stageDelayMs: config.LOCAL_RUNNER_STAGE_DELAY_MS,
    signal: opts.signal,
  });
  logger.info({ jobId: job.id, ...result }, "local provision run finished");
}
