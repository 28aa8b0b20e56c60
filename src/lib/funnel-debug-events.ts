/**
 * What the wizard's debug stream may send: the names and steps the public
 * route lets through (anything else is rejected by index). Shared by the
 * browser queue and the server route.
 */
export const DEBUG_FUNNEL_EVENT_NAMES = [
  "wizard_started",
  "step_viewed",
  "code_requested",
  "code_resent",
  "signed_in",
  "company_submitted",
  "plan_submitted",
  "onboarding_created",
  "onboarding_create_failed",
  "checkout_redirect",
  "started_another",
  "signed_out",
] as const;
export type TDebugFunnelEventName = (typeof DEBUG_FUNNEL_EVENT_NAMES)[number];

export const DEBUG_FUNNEL_STEPS = ["resolving", "email", "code", "company", "plan", "session"] as const;
export type TDebugFunnelStep = (typeof DEBUG_FUNNEL_STEPS)[number];

/** The route's path (same origin as the wizard). */
export const DEBUG_FUNNEL_LOG_PATH = "/api/debug/funnel-log";
/** Most events one request may carry (the queue sends at most this many at once). */
export const DEBUG_FUNNEL_MAX_EVENTS = 50;
