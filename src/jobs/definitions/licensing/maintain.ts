import { defineScheduledJob } from "@/jobs/define-job";

/** Removes sealed redeem answers and install codes once nobody may read them again (every five minutes). */
export const licensingMaintainJob = defineScheduledJob({
  name: "licensing.maintain",
  cron: "*/5 * * * *",
  expireInSeconds: 120,
  handler: () => import("./maintain.handler"),
});
