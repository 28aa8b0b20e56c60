import type { TWebhookEventType } from "@/server/services/webhooks/event-types";

/** What each event means, in the words the subscribe form uses. */
export const EVENT_DESCRIPTIONS: Record<TWebhookEventType, string> = {
  "onboarding.completed": "An onboarding finished all its steps",
  "onboarding.failed": "An onboarding stopped at a failed step",
  "provision.completed": "A provision job completed; the tenant is live",
  "provision.failed": "A provision job failed",
  "portal_domain.active": "A portal custom domain became active",
  "portal_domain.failed": "A portal custom domain failed DNS or certificate checks",
  "portal_domain.certificate_stuck": "A portal domain's certificate has not been Ready for over an hour",
};
