import type { TJobHandler, TScheduledPayload } from "@/jobs/define-job";
import { logger } from "@/server/logger";
import { purgeFunnelEvents } from "@/server/services/funnel/purge-funnel-events";

/** Builds the handler around a clock, so tests can run it at a chosen time. */
export function createFunnelPurgeHandler(deps: { now: () => Date }): TJobHandler<TScheduledPayload> {
  return async () => {
    const { deleted, more } = await purgeFunnelEvents({ now: deps.now() });
    if (deleted > 0) logger.info({ deleted, more }, "old funnel events purged");
  };
}

export default createFunnelPurgeHandler({ now: () => new Date() });
