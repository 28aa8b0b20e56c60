import { router } from "@/server/trpc/init";
import { getOutboxMessageRoute } from "./get-outbox-message";
import { getOverviewRoute } from "./get-overview";
import { listOutboxRoute } from "./list-outbox";
import { retryOutboxMessageRoute } from "./retry-outbox-message";
import { revealOutboxMessageRoute } from "./reveal-outbox-message";

export const opsRouter = router({
  overview: getOverviewRoute,
  outbox: router({
    list: listOutboxRoute,
    get: getOutboxMessageRoute,
    reveal: revealOutboxMessageRoute,
    retry: retryOutboxMessageRoute,
  }),
});
