import type { z } from "zod";
import type { TJobDefinition } from "./define-job";
import { funnelPurgeJob } from "./definitions/funnel/purge";
import { licensingMaintainJob } from "./definitions/licensing/maintain";
import { mailSendJob } from "./definitions/mail/send";
import { onboardingAdvanceJob } from "./definitions/onboarding/advance";
import { outboxMaintainJob } from "./definitions/outbox/maintain";
import { portalDomainsReconcileJob } from "./definitions/portal-domains/reconcile";
import { provisioningDispatchJob } from "./definitions/provisioning/dispatch";
import { provisioningRunLocalJob } from "./definitions/provisioning/run-local";
import { provisioningWatchdogJob } from "./definitions/provisioning/watchdog";
import { webhooksDeliverJob } from "./definitions/webhooks/deliver";
import type { Prisma } from "@/generated/prisma/client";
import { sendJob, sendJobSql, type TEnqueueOptions, type TJobInsertSql } from "./send-job";

/** Every background job this app runs. Add a definition here to make it enqueueable and worked. */
const DEFINITIONS = [
  funnelPurgeJob,
  licensingMaintainJob,
  mailSendJob,
  onboardingAdvanceJob,
  outboxMaintainJob,
  portalDomainsReconcileJob,
  provisioningDispatchJob,
  provisioningRunLocalJob,
  provisioningWatchdogJob,
  webhooksDeliverJob,
] as const;

export const JOB_DEFINITIONS: readonly TJobDefinition[] = DEFINITIONS;

type TDefinition = (typeof DEFINITIONS)[number];
export type TJobName = TDefinition["name"];
export type TJobPayload<N extends TJobName> = z.input<Extract<TDefinition, { name: N }>["payload"]>;

const byName = new Map<string, TJobDefinition>(DEFINITIONS.map((d) => [d.name, d]));

/**
 * Enqueues a registered background job after validating its payload. Pass
 * `db: tx` to send it inside a Prisma transaction, so it exists only if the
 * transaction commits. Resolves to the job id (null when a singleton key
 * suppressed a duplicate).
 */
export async function enqueue<N extends TJobName>(
  name: N,
  payload: TJobPayload<N>,
  opts: TEnqueueOptions = {},
): Promise<string | null> {
  const def = byName.get(name);
  if (!def) throw new Error(`unknown background job ${name}`);
  return sendJob(def, payload, opts);
}

/**
 * enqueue as common table expressions of the caller's own statement (see
 * sendJobSql): the job is written by that statement, when `when` holds.
 */
export async function enqueueSql<N extends TJobName>(
  name: N,
  payload: TJobPayload<N>,
  opts: { singletonKey?: string; when: Prisma.Sql; as: string },
): Promise<TJobInsertSql> {
  const def = byName.get(name);
  if (!def) throw new Error(`unknown background job ${name}`);
  return sendJobSql(def, payload, opts);
}
