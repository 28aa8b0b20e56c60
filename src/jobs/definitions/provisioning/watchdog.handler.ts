import { logger } from "@/server/logger";
import { failTimedOutProvisionJobs } from "@/server/services/provisioning/fail-timed-out-provision-jobs";
import type { TJobHandler, TScheduledPayload } from "@/jobs/define-job";

const handler: TJobHandler<TScheduledPayload> = async () => {
  const { failed } = await failTimedOutProvisionJobs();
  if (failed.length) logger.warn({ jobIds: failed }, "provision jobs timed out waiting for a callback");
};
export default handler;
