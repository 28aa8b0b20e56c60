import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { ZProvisionJobId } from "@/server/services/trace/trace-event";

export const ZProvisioningDispatchPayload = z.object({ jobId: ZProvisionJobId });

/** Sends a Pending provision job to GitHub Actions or the local runner. */
export const provisioningDispatchJob = defineJob({
  name: "provisioning.dispatch",
  payload: ZProvisioningDispatchPayload,
  // GitHub outages and rate limits: backoff from 10 s capped at 10 min, about
  // an hour in all, before the job is failed at stage `dispatch`.
  retry: { limit: 9, delaySeconds: 10, backoff: true, maxDelaySeconds: 600 },
  concurrency: 4,
  // A worker that dies mid-call frees the job after this; the next attempt
  // looks the run up before dispatching again.
  expireInSeconds: 120,
  handler: () => import("./dispatch.handler"),
});
