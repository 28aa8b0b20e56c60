import { runLocalProvisionJob } from "@/server/services/provisioning/run-local-provision-job";
import type { TJobHandler } from "@/jobs/define-job";
import { ZProvisioningRunLocalPayload } from "./run-local";

const handler: TJobHandler<{ jobId: string }> = async (payload, ctx) => {
  const { jobId } = ZProvisioningRunLocalPayload.parse(payload);
  await runLocalProvisionJob({ jobId, signal: ctx.signal, isLastAttempt: ctx.isLastAttempt });
};
export default handler;
