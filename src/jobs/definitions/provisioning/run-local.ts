import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { ZProvisionJobId } from "@/server/services/trace/trace-event";

export const ZProvisioningRunLocalPayload = z.object({ jobId: ZProvisionJobId });

/** Plays the provision workflow in-process for a job dispatched to the local runner. */
export const provisioningRunLocalJob = defineJob({
  name: "provisioning.run-local",
  payload: ZProvisioningRunLocalPayload,
  // A run interrupted by a restart starts over; every stage is safe to repeat.
  retry: { limit: 3, delaySeconds: 5, backoff: true },
  concurrency: 4,
  expireInSeconds: 600,
  handler: () => import("./run-local.handler"),
});
