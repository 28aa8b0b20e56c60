import { PgBoss } from "pg-boss";
import { z } from "zod";
import { defineJob } from "@/jobs/define-job";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { sendJob } from "@/jobs/send-job";
import { interleave, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "job-pickup";
export const description =
  "send → handler start, one job at a time: Embark's job runtime vs bare pg-boss with LISTEN/NOTIFY";

const QUEUE = "bench.pickup";

/**
 * Tracks jobs sent but not yet handled; a sample runs from just before the
 * send to the moment the handler starts.
 */
function pickupProbe() {
  const waiting = new Map<number, (handledAt: number) => void>();
  let next = 0;
  return {
    handled(seq: number) {
      const handledAt = performance.now();
      waiting.get(seq)?.(handledAt);
      waiting.delete(seq);
    },
    async measure(send: (seq: number) => Promise<unknown>): Promise<number> {
      const seq = next++;
      const handled = new Promise<number>((resolve) => waiting.set(seq, resolve));
      const started = performance.now();
      await send(seq);
      return (await handled) - started;
    },
  };
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  const baselineProbe = pickupProbe();
  const candidateProbe = pickupProbe();

  const bare = new PgBoss({ connectionString: databaseUrl, schema: "bench_baseline", useListenNotify: true });
  bare.on("error", (err) => log(`baseline pg-boss error: ${String(err)}`));
  const pickupJob = defineJob({
    name: QUEUE,
    payload: z.object({ seq: z.number().int() }),
    retry: { limit: 0, delaySeconds: 0, backoff: false },
    handler: async () => ({
      default: async ({ seq }) => candidateProbe.handled(seq),
    }),
  });

  try {
    await bare.start();
    await bare.createQueue(QUEUE, { notify: true });
    await bare.work<{ seq: number }>(QUEUE, async ([job]) => baselineProbe.handled(job!.data.seq));
    // The runtime's defaults otherwise (EMBARK_JOB_POLL_SECONDS), as the app runs.
    await startJobRuntime({ role: "all", definitions: [pickupJob] });

    log("job-pickup: 2 × 400 jobs");
    const { baseline, candidate } = await interleave({
      rounds: 8,
      perRound: 50,
      warmUp: 20,
      baseline: () => baselineProbe.measure((seq) => bare.send(QUEUE, { seq })),
      candidate: () => candidateProbe.measure((seq) => sendJob(pickupJob, { seq })),
    });
    return {
      metric: "send → handler (ms)",
      baseline: { label: "pg-boss, useListenNotify + notify queue", samples: baseline },
      candidate: { label: "Embark runtime (startJobRuntime + sendJob)", samples: candidate },
    };
  } finally {
    await stopJobRuntime();
    await bare.stop({ graceful: false, close: true });
  }
}
