import { PgBoss } from "pg-boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { interleave, timed, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "outbox-enqueue";
export const description =
  "one call, awaited: queueEmail (outbox row + its mail.send job in one transaction) vs a bare pg-boss send";

const QUEUE = "bench.enqueue";

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  const bare = new PgBoss({ connectionString: databaseUrl, schema: "bench_baseline" });
  bare.on("error", (err) => log(`baseline pg-boss error: ${String(err)}`));
  let n = 0;

  try {
    await bare.start();
    // Like mail.send, the queue sends a NOTIFY with each job, so both sides write the same job row.
    await bare.createQueue(QUEUE, { notify: true });
    // `web` enqueues only: no worker delivers the mail while it is measured.
    await startJobRuntime({ role: "web" });

    log("outbox-enqueue: 2 × 600 calls");
    const { baseline, candidate } = await interleave({
      rounds: 8,
      perRound: 75,
      warmUp: 30,
      baseline: () => timed(() => bare.send(QUEUE, { messageId: `bench-${n++}` })),
      candidate: () =>
        timed(() => queueEmail({ to: "bench@example.com", subject: `Benchmark ${n++}`, text: "Hello from the benchmark." })),
    });
    return {
      metric: "call → resolved (ms)",
      baseline: { label: "pg-boss send", samples: baseline },
      candidate: { label: "queueEmail", samples: candidate },
    };
  } finally {
    await stopJobRuntime();
    await bare.stop({ graceful: false, close: true });
    await db().$disconnect();
  }
}
