import { z } from "zod";
import { defineJob } from "@/jobs/define-job";

/** Scheduled with an empty payload; nothing in it is read. */
export const ZLicensingMaintainPayload = z.object({});
export type TLicensingMaintainPayload = z.infer<typeof ZLicensingMaintainPayload>;

/** Removes sealed redeem answers and install codes once nobody may read them again. */
export const licensingMaintainJob = defineJob({
  name: "licensing.maintain",
  payload: ZLicensingMaintainPayload,
  // The next tick, five minutes on, is the retry; the step is idempotent.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  cron: "*/5 * * * *",
  expireInSeconds: 120,
  handler: () => import("./maintain.handler"),
});
