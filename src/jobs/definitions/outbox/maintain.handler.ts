import type { TJobHandler, TScheduledPayload } from "@/jobs/define-job";
import { logger } from "@/server/logger";
import { expireSensitiveOutboxBodies } from "@/server/services/outbox/expire-sensitive-outbox-bodies";
import { failStuckOutboxMessages } from "@/server/services/outbox/fail-stuck-outbox-messages";

/** Builds the handler around a clock, so tests can run it at a chosen time. */
export function createOutboxMaintainHandler(deps: { now: () => Date }): TJobHandler<TScheduledPayload> {
  return async () => {
    const now = deps.now();
    // Stuck messages first: one failed now has its sensitive body judged as failed in the same pass.
    const { failed } = await failStuckOutboxMessages({ now });
    const { expired } = await expireSensitiveOutboxBodies({ now });
    if (failed > 0 || expired > 0) logger.info({ stuckFailed: failed, bodiesExpired: expired }, "outbox maintained");
  };
}

export default createOutboxMaintainHandler({ now: () => new Date() });
