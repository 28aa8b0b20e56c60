import { z } from "zod";
import { defineJob } from "@/jobs/define-job";

export const ZProvisioningWatchdogPayload = z.object({});

/** Fails provision jobs that never called back within PROVISION_TIMEOUT_MINUTES. */
export const provisioningWatchdogJob = defineJob({
  name: "provisioning.watchdog",
  payload: ZProvisioningWatchdogPayload,
  // The next tick is the retry.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  cron: "* * * * *",
  expireInSeconds: 120,
  handler: () => import("./watchdog.handler"),
});
