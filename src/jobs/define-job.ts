import { z } from "zod";

/** What a handler learns about the attempt it is running. */
export type TJobContext = {
  jobId: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
  /** No retry follows if this attempt fails. */
  isLastAttempt: boolean;
  /** Aborted when the runtime gives up on the attempt (shutdown grace over, job expired). */
  signal: AbortSignal;
};

export type TJobHandler<TPayload> = (payload: TPayload, ctx: TJobContext) => Promise<void>;

/**
 * A background job: its queue name, payload schema, retry policy and a lazily
 * imported handler, so enqueueing never loads what only a worker needs.
 */
export type TJobDefinition<TSchema extends z.ZodType = z.ZodType, TName extends string = string> = {
  /** Queue name, `<area>.<verb>`, e.g. `mail.send`. */
  name: TName;
  payload: TSchema;
  retry: { limit: number; delaySeconds: number; backoff: boolean; maxDelaySeconds?: number };
  /** Queue that receives the job once its retries are spent; defaults to `<name>.dead`. */
  deadLetter?: string;
  /** Cron expression (UTC); the runtime schedules the job with an empty payload. */
  cron?: string;
  /** Handlers of this queue running at once in one process. */
  concurrency?: number;
  /** How long one attempt may stay active before pg-boss fails it, heartbeat or not. */
  expireInSeconds?: number;
  /**
   * How long an attempt may go without its worker's heartbeat before it
   * counts as lost (its process died) and runs again; defaults to
   * JOB_HEARTBEAT_SECONDS. The worker renews it while the handler runs, so a
   * long handler is bounded by `expireInSeconds`, not by this.
   */
  heartbeatSeconds?: number;
  handler: () => Promise<{ default: TJobHandler<z.output<TSchema>> }>;
};

/**
 * Default heartbeat window. pg-boss's minimum is 10 s; 15 s leaves a running
 * worker two missed renewals (every 5 s) of slack for a busy event loop or a
 * slow database before its job would be taken from it.
 */
export const JOB_HEARTBEAT_SECONDS = 15;
/** How often a worker renews the heartbeat of the jobs it holds. */
export const JOB_HEARTBEAT_REFRESH_SECONDS = 5;

const QUEUE_NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/** Checks a definition once, where it is written, and keeps its precise type. */
export function defineJob<const TName extends string, TSchema extends z.ZodType>(
  def: TJobDefinition<TSchema, TName>,
): TJobDefinition<TSchema, TName> {
  if (!QUEUE_NAME.test(def.name)) throw new Error(`job name "${def.name}" must look like "area.verb"`);
  if (def.deadLetter !== undefined && !QUEUE_NAME.test(def.deadLetter)) {
    throw new Error(`dead-letter queue "${def.deadLetter}" must look like "area.verb"`);
  }
  if (!Number.isInteger(def.retry.limit) || def.retry.limit < 0) throw new Error(`${def.name}: retry.limit must be >= 0`);
  if (!Number.isInteger(def.retry.delaySeconds) || def.retry.delaySeconds < 0) {
    throw new Error(`${def.name}: retry.delaySeconds must be a whole number >= 0`);
  }
  // pg-boss's own floor; above the renewal interval so a running job is never taken for lost.
  if (def.heartbeatSeconds !== undefined && (!Number.isInteger(def.heartbeatSeconds) || def.heartbeatSeconds < 10)) {
    throw new Error(`${def.name}: heartbeatSeconds must be a whole number >= 10`);
  }
  if (def.retry.maxDelaySeconds !== undefined && !def.retry.backoff) {
    throw new Error(`${def.name}: retry.maxDelaySeconds needs retry.backoff`);
  }
  return def;
}

/** The dead-letter queue of a definition. */
export function deadLetterQueueOf(def: Pick<TJobDefinition, "name" | "deadLetter">): string {
  return def.deadLetter ?? `${def.name}.dead`;
}

/** The payload of a scheduled job: the runtime sends `{}` and nothing in it is read. */
export const ZScheduledPayload = z.object({});
export type TScheduledPayload = z.infer<typeof ZScheduledPayload>;

/**
 * A job that runs on a cron schedule (UTC) with an empty payload. It is never
 * retried: the next tick is the retry, so its handler must be idempotent.
 */
export function defineScheduledJob<const TName extends string>(
  def: Pick<TJobDefinition<typeof ZScheduledPayload, TName>, "name" | "expireInSeconds" | "handler"> & { cron: string },
): TJobDefinition<typeof ZScheduledPayload, TName> {
  return defineJob({ ...def, payload: ZScheduledPayload, retry: { limit: 0, delaySeconds: 0, backoff: false } });
}
