import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { currentBoss } from "./boss";
import { defineJob, type TJobDefinition } from "./define-job";
import { startJobRuntime, stopJobRuntime } from "./runtime";
import { sendJob } from "./send-job";
import { eventually } from "./testing";

/**
 * Far longer than this file runs. pg-boss 12 sets only a minimum (0.5 s), and
 * the runtime uses the same value for the backstop poll of NOTIFY-enabled
 * queues, so no worker polls during these tests: a job is handled only if
 * something woke its worker. How fast that is gets measured in bench/, not here.
 */
const NEVER_POLL_SECONDS = 60 * 60;

const handled = new EventEmitter<{ handled: [queue: string, seq: number] }>();
const suffix = randomBytes(4).toString("hex");

function recordingJob(name: string) {
  return defineJob({
    name,
    payload: z.object({ seq: z.number().int() }),
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    handler: async () => ({
      default: async ({ seq }) => {
        handled.emit("handled", name, seq);
      },
    }),
  });
}

/**
 * One queue per NOTIFY probe, each sent a single job: the after-job wake-up
 * only wakes workers of its own queue, so it can never be what fetched a probe.
 */
const notifyJobs = [0, 1, 2].map((i) => recordingJob(`test.notify-${suffix}-${i}`));
const backlogJob = recordingJob(`test.backlog-${suffix}`);

/** Resolves once the handler has run for each of `seqs` on `queue`. */
function handledAll(queue: string, seqs: readonly number[]): Promise<number[]> {
  const pending = new Set(seqs);
  const order: number[] = [];
  return new Promise((resolve) => {
    const listener = (q: string, seq: number) => {
      if (q !== queue || !pending.delete(seq)) return;
      order.push(seq);
      if (pending.size === 0) {
        handled.off("handled", listener);
        resolve(order);
      }
    };
    handled.on("handled", listener);
  });
}

/**
 * Waits until each queue's worker has finished its first fetch: from then on
 * it sleeps NEVER_POLL_SECONDS, so a job sent afterwards is not found by that
 * fetch. pg-boss has no event for an empty fetch, hence the probe.
 */
async function untilWorkersFetched(defs: readonly TJobDefinition[]) {
  const names = new Set(defs.map((d) => d.name));
  await eventually(
    async () => {
      const fetched = currentBoss()!
        .getWipData()
        .filter((w) => names.has(w.name) && w.state === "active" && w.lastFetchedOn !== null);
      return new Set(fetched.map((w) => w.name)).size === names.size;
    },
    { what: "each worker's first fetch" },
  );
}

beforeAll(() =>
  startJobRuntime({
    role: "all",
    definitions: [...notifyJobs, backlogJob],
    pollingIntervalSeconds: NEVER_POLL_SECONDS,
  }),
);
afterAll(() => stopJobRuntime());

// A broken mechanism leaves a test waiting for its handler until the test timeout.
describe("waking workers without polling", () => {
  it("hands a sent job to an idle worker through LISTEN/NOTIFY", async () => {
    await untilWorkersFetched(notifyJobs);
    for (const [seq, def] of notifyJobs.entries()) {
      const done = handledAll(def.name, [seq]);
      expect(await sendJob(def, { seq })).toEqual(expect.any(String));
      expect(await done).toEqual([seq]);
    }
  });

  it("drains a backlog inserted at once by waking the worker after each job", async () => {
    const seqs = Array.from({ length: 100 }, (_, i) => i);
    await untilWorkersFetched([backlogJob]);
    const done = handledAll(backlogJob.name, seqs);
    // One insert sends one NOTIFY, which wakes the worker for one fetch of one
    // job (batch size 1); every later fetch comes from the after-job wake-up.
    await currentBoss()!.insert(
      backlogJob.name,
      seqs.map((seq) => ({ data: { seq } })),
    );
    const order = await done;
    expect([...order].sort((a, b) => a - b)).toEqual(seqs);
  });
});
