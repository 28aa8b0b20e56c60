import { fromPrisma } from "pg-boss";
import type { z } from "zod";
import { AppError } from "@/server/errors";
import type { TDbOrTx } from "@/server/db";
import type { TJobDefinition } from "./define-job";
import { currentBoss } from "./boss";

export type TEnqueueOptions = {
  /** A Prisma transaction: the job is inserted in it and commits or rolls back with it. */
  db?: TDbOrTx;
  /** At most one queued job per key (with the queue's policy). */
  singletonKey?: string;
  /** A date, or seconds from now. */
  startAfter?: Date | number;
};

/** Validates a payload against a definition and sends the job. Resolves to the job id, or null when a singleton key suppressed it. */
export async function sendJob<TSchema extends z.ZodType>(
  def: TJobDefinition<TSchema>,
  payload: z.input<TSchema>,
  opts: TEnqueueOptions = {},
): Promise<string | null> {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    // Payloads are built by our own code, so a bad one is a bug, not a bad request.
    throw new AppError("INTERNAL", {
      message: `invalid payload for background job ${def.name}`,
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const boss = currentBoss();
  if (!boss) {
    throw new AppError("UNAVAILABLE", {
      message: `cannot enqueue ${def.name}: the background-job runtime is not started in this process (startJobRuntime)`,
    });
  }
  return boss.send(def.name, parsed.data as object, {
    db: opts.db ? fromPrisma(opts.db) : undefined,
    singletonKey: opts.singletonKey,
    startAfter: opts.startAfter,
  });
}
