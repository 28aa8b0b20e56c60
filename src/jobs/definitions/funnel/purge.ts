import { z } from "zod";
import { defineJob } from "@/jobs/define-job";

/** Scheduled with an empty payload; nothing in it is read. */
export const ZFunnelPurgePayload = z.object({});
export type TFunnelPurgePayload = z.infer<typeof ZFunnelPurgePayload>;

/** Deletes funnel events older than FUNNEL_RETENTION_DAYS, in bounded batches, every hour. */
export const funnelPurgeJob = defineJob({
  name: "funnel.purge",
  payload: ZFunnelPurgePayload,
  // The next hourly run is the retry; deleting what is already gone does nothing.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  cron: "17 * * * *",
  expireInSeconds: 600,
  handler: () => import("./purge.handler"),
});
