import { dispatchProvisionJob } from "@/server/services/provisioning/dispatch-provision-job";
import type { TJobHandler } from "@/jobs/define-job";
import { ZProvisioningDispatchPayload } from "./dispatch";

const handler: TJobHandler<{ jobId: string }> = async (payload, ctx) => {
  const { jobId } = ZProvisioningDispatchPayload.parse(payload);
  await dispatchProvisionJob({ jobId, attempt: { isLastAttempt: ctx.isLastAttempt, signal: ctx.signal } });
};
export default handler;
