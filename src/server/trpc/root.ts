import { systemRouter } from "@/server/routers/system/router";
import { createCallerFactory, router } from "./init";

/** Every router of the API; the REST surface and the typed client derive from it. */
export const appRouter = router({
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
