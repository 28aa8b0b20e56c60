import { defineScheduledJob } from "@/jobs/define-job";

/**
 * Keeps the outbox honest every five minutes: fails messages whose delivery
 * job ended without recording a result, and removes sensitive bodies kept past
 * their use.
 */
export const outboxMaintainJob = defineScheduledJob({
  name: "outbox.maintain",
  cron: "*/5 * * * *",
  expireInSeconds: 120,
  handler: () => import("./maintain.handler"),
});
