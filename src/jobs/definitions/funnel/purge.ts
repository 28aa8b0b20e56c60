import { defineScheduledJob } from "@/jobs/define-job";

/** Deletes funnel events older than FUNNEL_RETENTION_DAYS, in bounded batches, every hour. */
export const funnelPurgeJob = defineScheduledJob({
  name: "funnel.purge",
  cron: "17 * * * *",
  expireInSeconds: 600,
  handler: () => import("./purge.handler"),
});
