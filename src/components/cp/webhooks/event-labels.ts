import type { TWebhookEventType } from "@/server/services/webhooks/event-types";

/** What each event means, in the words the subscribe form uses. */
export const EVENT_DESCRIPTIONS: Record<TWebhookEventType, string> = {
  "onboarding.completed": "An onboarding finished all its steps",
  "onboarding.failed": "An onboarding stopped at a failed step",
  "provision.completed": "A provision job completed; the tenant is live",
  "provision.failed": "A provision job failed",
};
