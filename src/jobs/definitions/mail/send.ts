import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { ZOutboxId } from "@/server/services/outbox/outbox-id";

export const ZMailSendPayload = z.object({ messageId: ZOutboxId });
export type TMailSendPayload = z.infer<typeof ZMailSendPayload>;

/** Delivers one outbox message over SMTP (or holds it when none is configured). */
export const mailSendJob = defineJob({
  name: "mail.send",
  payload: ZMailSendPayload,
  // Backoff from 30 s, capped at an hour: 9 attempts span roughly two hours,
  // enough to ride out a mail relay restart or a short outage.
  retry: { limit: 8, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  concurrency: 2,
  expireInSeconds: 120,
  handler: () => import("./send.handler"),
});
