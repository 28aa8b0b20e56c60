import { apiKeysRouter } from "@/server/routers/api-keys/router";
import { auditRouter } from "@/server/routers/audit/router";
import { onboardingRouter } from "@/server/routers/onboarding/router";
import { operatorsRouter } from "@/server/routers/operators/router";
import { opsRouter } from "@/server/routers/ops/router";
import { systemRouter } from "@/server/routers/system/router";
import { funnelRouter } from "@/server/routers/funnel/router";
import { jobsRouter } from "@/server/routers/jobs/router";
import { licensingRouter } from "@/server/routers/licensing/router";
import { nodesRouter } from "@/server/routers/nodes/router";
import { portalDomainsRouter } from "@/server/routers/portal-domains/router";
import { placementRouter } from "@/server/routers/placement/router";
import { tenantsRouter } from "@/server/routers/tenants/router";
import { traceRouter } from "@/server/routers/trace/router";
import { webhooksRouter } from "@/server/routers/webhooks/router";
import { createCallerFactory, router } from "./init";

/** Every router of the API; the REST surface and the typed client derive from it. */
export const appRouter = router({
  system: systemRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  ops: opsRouter,
  operators: operatorsRouter,
  tenants: tenantsRouter,
  jobs: jobsRouter,
  trace: traceRouter,
  funnel: funnelRouter,
  nodes: nodesRouter,
  placement: placementRouter,
  onboarding: onboardingRouter,
  webhooks: webhooksRouter,
  portalDomains: portalDomainsRouter,
  licensing: licensingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
