import { router } from "@/server/trpc/init";
import { completeJobRoute } from "./complete-job";
import { getJobRoute } from "./get-job";
import { getJobForOpsRoute } from "./get-job-for-ops";
import { listJobsRoute } from "./list-jobs";
import { retryJobRoute } from "./retry-job";

/** Provision jobs (rows of provision_jobs), not background jobs. */
export const jobsRouter = router({
  get: getJobRoute,
  complete: completeJobRoute,
  list: listJobsRoute,
  detail: getJobForOpsRoute,
  retry: retryJobRoute,
});
