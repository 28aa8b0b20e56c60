import type { TJobHandler, TScheduledPayload } from "@/jobs/define-job";
import { logger } from "@/server/logger";
import { expireSealedLicensingSecrets } from "@/server/services/licensing/expire-sealed-secrets";

/** Builds the handler around a clock, so tests can run it at a chosen time. */
export function createLicensingMaintainHandler(deps: { now: () => Date }): TJobHandler<TScheduledPayload> {
  return async () => {
    const { answers, codes } = await expireSealedLicensingSecrets({ now: deps.now() });
    if (answers > 0 || codes > 0) logger.info({ answersDropped: answers, codesDropped: codes }, "sealed licensing secrets dropped");
  };
}

export default createLicensingMaintainHandler({ now: () => new Date() });
