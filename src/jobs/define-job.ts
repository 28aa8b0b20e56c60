import type { z } from "zod";

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
  /** How long one attempt may stay active before pg-boss fails it. */
  expireInSeconds?: number;
  handler: () => Promise<{ default: TJobHandler<z.output<TSchema>> }>;
};

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
  if (def.retry.maxDelaySeconds !== undefined && !def.retry.backoff) {
    throw new Error(`${def.name}: retry.maxDelaySeconds needs retry.backoff`);
  }
  return def;
}

/** The dead-letter queue of a definition. */
export function deadLetterQueueOf(def: Pick<TJobDefinition, "name" | "deadLetter">): string {
  return def.deadLetter ?? `${def.name}.dead`;
}
