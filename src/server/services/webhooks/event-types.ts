import { z } from "zod";

/** Events an operator can subscribe a webhook endpoint to. */
export const WEBHOOK_EVENT_TYPES = [
  "onboarding.completed",
  "onboarding.failed",
  "provision.completed",
  "provision.failed",
  "portal_domain.active",
  "portal_domain.failed",
  "portal_domain.certificate_stuck",
] as const;

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;
