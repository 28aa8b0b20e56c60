import type { TJobHandler } from "@/jobs/define-job";
import { logger } from "@/server/logger";
import { purgeFunnelEvents } from "@/server/services/funnel/purge-funnel-events";
import type { TFunnelPurgePayload } from "./purge";

/** Builds the handler around a clock, so tests can run it at a chosen time. */
export function createFunnelPurgeHandler(deps: { now: () => Date }): TJobHandler<TFunnelPurgePayload> {
  return async () => {
    const { deleted, more } = await purgeFunnelEvents({ now: deps.now() });
    if (deleted > 0) logger.info({ deleted, more }, "old funnel events purged");
  };
}

export default createFunnelPurgeHandler({ now: () => new Date() });
