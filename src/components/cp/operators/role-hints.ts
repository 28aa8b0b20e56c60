import type { TOperatorRole } from "@/server/auth/roles";

/** What each operator role may do, as the dashboard explains it. */
export const ROLE_HINTS: Record<TOperatorRole, string> = {
  viewer: "Sees everything in /cp; changes nothing.",
  operator: "Also retries jobs, resumes onboarding and replays deliveries.",
  admin: "Also manages operators, API keys and webhooks.",
};
