import { fromPrisma } from "pg-boss";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
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

function validPayload<TSchema extends z.ZodType>(def: TJobDefinition<TSchema>, payload: z.input<TSchema>): object {
  const parsed = def.payload.safeParse(payload);
  if (!parsed.success) {
    // Payloads are built by our own code, so a bad one is a bug, not a bad request.
    throw new AppError("INTERNAL", {
      message: `invalid payload for background job ${def.name}`,
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return parsed.data as object;
}

function runningBoss(name: string) {
  const boss = currentBoss();
  if (!boss) {
    throw new AppError("UNAVAILABLE", {
      message: `cannot enqueue ${name}: the background-job runtime is not started in this process (startJobRuntime)`,
    });
  }
  return boss;
}

/** Validates a payload against a definition and sends the job. Resolves to the job id, or null when a singleton key suppressed it. */
export async function sendJob<TSchema extends z.ZodType>(
  def: TJobDefinition<TSchema>,
  payload: z.input<TSchema>,
  opts: TEnqueueOptions = {},
): Promise<string | null> {
  const data = validPayload(def, payload);
  return runningBoss(def.name).send(def.name, data, {
    db: opts.db ? fromPrisma(opts.db) : undefined,
    singletonKey: opts.singletonKey,
    startAfter: opts.startAfter,
  });
}

/**
 * A job's insert as common table expressions, for a statement that writes
 * the job together with the rows it is about: `WITH <yours>, ${ctes} SELECT
 * …, ${inserted}`. One statement is atomic without a transaction around it,
 * and saves the round trips of BEGIN, a separate insert and COMMIT.
 */
export type TJobInsertSql = {
  /** `<as>_ins AS (…), <as>_notified AS (…)`: the insert and its NOTIFY. */
  ctes: Prisma.Sql;
  /**
   * How many jobs the statement inserted (0 or 1; 0 when `when` was false or
   * a singleton key suppressed it). Put it in the final SELECT: it also makes
   * Postgres evaluate the NOTIFY, which it skips in an unreferenced CTE.
   */
  inserted: Prisma.Sql;
};

/** pg-boss's statement for one job: `WITH ins AS (<insert>), notified AS (<notify>) SELECT id FROM ins …`. */
const NOTIFYING_INSERT = /^\s*WITH ins AS \(([\s\S]*)\),\s*notified AS \(([\s\S]*)\)\s*SELECT id FROM ins WHERE \(SELECT count\(\*\) FROM notified\) >= 0\s*$/;
const CTE_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * sendJob as part of the caller's own statement (see TJobInsertSql): the job
 * is inserted only when `when` (a boolean SQL expression, e.g. `EXISTS
 * (SELECT 1 FROM job)` over the caller's own CTE) holds.
 *
 * The SQL is pg-boss's own: `send` is called with a database adapter that
 * keeps the statement and its one parameter (the job as JSON) instead of
 * running them, so the queue's table, its policy and retry settings and its
 * NOTIFY are what pg-boss itself would insert. A pg-boss whose statement has
 * another shape fails here loudly (and in send-job.int.test.ts), never
 * inserts something else.
 */
export async function sendJobSql<TSchema extends z.ZodType>(
  def: TJobDefinition<TSchema>,
  payload: z.input<TSchema>,
  opts: { singletonKey?: string; when: Prisma.Sql; as: string },
): Promise<TJobInsertSql> {
  if (!CTE_NAME.test(opts.as)) throw new Error(`sendJobSql: ${JSON.stringify(opts.as)} is not a plain lower-case name`);
  const data = validPayload(def, payload);
  let kept: { text: string; values: unknown[] } | undefined;
  const keeper = {
    executeSql: async (text: string, values?: unknown[]) => {
      kept = { text, values: values ?? [] };
      return { rows: [{ id: null }] };
    },
  };
  await runningBoss(def.name).send(def.name, data, { db: keeper, singletonKey: opts.singletonKey });
  if (!kept) throw new Error(`sendJobSql: pg-boss sent no statement for ${def.name}`);
  const shape = NOTIFYING_INSERT.exec(kept.text);
  const placeholders = kept.text.match(/\$\d+/g) ?? [];
  if (!shape || kept.values.length !== 1 || placeholders.length !== 1 || placeholders[0] !== "$1") {
    throw new Error(`sendJobSql: pg-boss's insert for ${def.name} has a shape this code does not know; use sendJob`);
  }
  const [, insert, notify] = shape as unknown as [string, string, string];
  const ins = `${opts.as}_ins`;
  const notified = `${opts.as}_notified`;
  const notifyFromIns = notify.replace(/\bFROM ins\b/, `FROM ${ins}`);
  if (notifyFromIns === notify) throw new Error(`sendJobSql: pg-boss's NOTIFY for ${def.name} does not read its insert`);
  const [before, after] = insert.split("$1") as [string, string];
  return {
    ctes: new Prisma.Sql(
      [`${ins} AS (${before}(CASE WHEN `, " THEN ", `::text ELSE '[]' END)${after}), ${notified} AS (${notifyFromIns})`],
      [opts.when, kept.values[0] as string],
    ),
    inserted: Prisma.raw(`(SELECT count(*)::int FROM ${ins} WHERE (SELECT count(*) FROM ${notified}) >= 0)`),
  };
}
