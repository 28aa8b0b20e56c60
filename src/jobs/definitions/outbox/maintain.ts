import { z } from "zod";
import { defineJob } from "@/jobs/define-job";

/** Scheduled with an empty payload; nothing in it is read. */
export const ZOutboxMaintainPayload = z.object({});
export type TOutboxMaintainPayload = z.infer<typeof ZOutboxMaintainPayload>;

/**
 * Keeps the outbox honest: fails messages whose delivery job ended without
 * recording a result, and removes sensitive bodies kept past their use.
 */
export const outboxMaintainJob = defineJob({
  name: "outbox.maintain",
  payload: ZOutboxMaintainPayload,
  // The next tick, five minutes on, is the retry; both steps are idempotent.
  retry: { limit: 0, delaySeconds: 0, backoff: false },
  cron: "*/5 * * * *",
  expireInSeconds: 120,
  handler: () => import("./maintain.handler"),
});
