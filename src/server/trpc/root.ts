import { apiKeysRouter } from "@/server/routers/api-keys/router";
import { auditRouter } from "@/server/routers/audit/router";
import { opsRouter } from "@/server/routers/ops/router";
import { systemRouter } from "@/server/routers/system/router";
import { createCallerFactory, router } from "./init";

/** Every router of the API; the REST surface and the typed client derive from it. */
export const appRouter = router({
  system: systemRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  ops: opsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
