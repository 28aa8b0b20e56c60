import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { currentBoss } from "./boss";
import { defineJob } from "./define-job";
import { startJobRuntime, stopJobRuntime } from "./runtime";
import { sendJob, sendJobSql } from "./send-job";
import { eventually } from "./testing";

/** No worker polls while this file runs: a job is handled only if its NOTIFY woke the worker. */
const NEVER_POLL_SECONDS = 60 * 60;

const suffix = randomBytes(4).toString("hex");
const handled = new EventEmitter<{ handled: [key: string] }>();
/** When each key's handler ran (ms since the epoch, pg-boss's clock). */
const seen = new Map<string, number>();
handled.on("handled", (key) => seen.set(key, Date.now()));

/** Retry settings unlike pg-boss's defaults, so a statement that ignored the queue's own would show. */
const job = defineJob({
  name: `test.sql-insert-${suffix}`,
  payload: z.object({ key: z.string() }),
  retry: { limit: 7, delaySeconds: 3, backoff: true, maxDelaySeconds: 90 },
  expireInSeconds: 321,
  heartbeatSeconds: 17,
  handler: async () => ({ default: async ({ key }) => void handled.emit("handled", key) }),
});
/** A queue no worker takes, for comparing rows before anything works them. */
const idle = defineJob({ ...job, name: `test.sql-insert-idle-${suffix}` });

type TJobRow = Record<string, unknown>;

/** A pgboss.job row without what differs between any two sends (id, times, payload, key). */
async function jobRow(name: string, key: string): Promise<TJobRow> {
  const [row] = await db().$queryRaw<TJobRow[]>`
    SELECT name, priority, state, retry_limit, retry_count, retry_delay, retry_backoff, retry_delay_max,
           expire_seconds, deletion_seconds, policy, dead_letter, heartbeat_seconds, group_id, group_tier,
           blocked, blocking, pending_dependencies, singleton_on,
           start_after <= now() AS started, extract(epoch FROM keep_until - start_after)::int AS kept_for
    FROM pgboss.job WHERE name = ${name} AND singleton_key = ${key}`;
  if (!row) throw new Error(`no ${name} job with key ${key}`);
  return row;
}

/** Runs `WITH gate AS (…), <the job's CTEs> SELECT <inserted>`: the shape of a caller's statement. */
async function insertWith(def: typeof job, key: string, gate: boolean, as = "probe"): Promise<number> {
  const sql = await sendJobSql(def, { key }, { singletonKey: key, when: Prisma.sql`EXISTS (SELECT 1 FROM gate)`, as });
  const [row] = await db().$queryRaw<{ inserted: number }[]>`
    WITH gate AS (SELECT 1 AS one WHERE ${gate}::boolean), ${sql.ctes}
    SELECT ${sql.inserted} AS inserted`;
  return row!.inserted;
}

beforeAll(() => startJobRuntime({ role: "all", definitions: [job], pollingIntervalSeconds: NEVER_POLL_SECONDS }));
afterAll(async () => {
  await currentBoss()?.deleteQueue(idle.name).catch(() => undefined);
  await stopJobRuntime();
});

describe("sendJobSql: a job inserted by the caller's own statement", () => {
  it("writes the row pg-boss's send writes, with the queue's own settings", async () => {
    const { ensureQueues } = await import("./queues");
    await ensureQueues(currentBoss()!, [idle]);
    await sendJob(idle, { key: "by-send" }, { singletonKey: "by-send" });
    expect(await insertWith(idle, "by-statement", true)).toBe(1);
    const bySend = await jobRow(idle.name, "by-send");
    expect(bySend).toMatchObject({ retry_limit: 7, retry_delay: 3, retry_backoff: true, retry_delay_max: 90, expire_seconds: 321, heartbeat_seconds: 17 });
    expect(await jobRow(idle.name, "by-statement")).toEqual(bySend);
    const [data] = await db().$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = ${idle.name} AND singleton_key = 'by-statement'`;
    expect(data!.data).toEqual({ key: "by-statement" });
  });

  it("inserts nothing when the gate is false", async () => {
    expect(await insertWith(idle, "gated-off", false)).toBe(0);
    const [count] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${idle.name} AND singleton_key = 'gated-off'`;
    expect(count!.n).toBe(0);
  });

  it("treats a repeated singleton key as send does, and counts what it inserted", async () => {
    const sent = [await sendJob(idle, { key: "twice-send" }, { singletonKey: "twice-send" }), await sendJob(idle, { key: "twice-send" }, { singletonKey: "twice-send" })];
    const inserted = [await insertWith(idle, "twice-sql", true), await insertWith(idle, "twice-sql", true)];
    expect(inserted).toEqual(sent.map((id) => (id === null ? 0 : 1)));
    const counts = await db().$queryRaw<{ key: string; n: number }[]>`
      SELECT singleton_key AS key, count(*)::int AS n FROM pgboss.job
      WHERE name = ${idle.name} AND singleton_key IN ('twice-send', 'twice-sql') GROUP BY 1 ORDER BY 1`;
    expect(counts).toEqual([
      { key: "twice-send", n: inserted[0]! + inserted[1]! },
      { key: "twice-sql", n: inserted[0]! + inserted[1]! },
    ]);
  });

  it("wakes an idle worker through NOTIFY, as send does", async () => {
    // The worker's first fetch is done once a job sent through send has been handled.
    await sendJob(job, { key: "warm" }, { singletonKey: "warm" });
    await eventually(async () => seen.has("warm"), { what: "the job sent by send to be handled" });
    // …and the fetch after it has come back empty (pg-boss stamps an empty fetch's end too): from then on only a NOTIFY wakes it.
    const warmAt = seen.get("warm")!;
    await eventually(
      async () =>
        currentBoss()!
          .getWipData()
          .some((w) => w.name === job.name && (w.lastFetchedOn ?? 0) > warmAt && (w.lastJobEndedOn ?? 0) >= w.lastFetchedOn!),
      { what: "the worker's empty fetch after the first job" },
    );
    expect(await insertWith(job, "woken", true)).toBe(1);
    await eventually(async () => seen.has("woken"), { what: "the statement's job to be handled without a poll", timeoutMs: 10_000 });
  });

  it("refuses a CTE name that is not a plain identifier, and a payload its definition refuses", async () => {
    await expect(insertWith(idle, "x", true, "bad name; DROP")).rejects.toThrow(/plain lower-case name/);
    await expect(sendJobSql(idle, { key: 42 } as never, { when: Prisma.sql`TRUE`, as: "ok" })).rejects.toThrow(/invalid payload/);
  });
});
