import { defineScheduledJob } from "@/jobs/define-job";

/** Fails provision jobs that never called back within PROVISION_TIMEOUT_MINUTES (every minute). */
export const provisioningWatchdogJob = defineScheduledJob({
  name: "provisioning.watchdog",
  cron: "* * * * *",
  expireInSeconds: 120,
  handler: () => import("./watchdog.handler"),
});
