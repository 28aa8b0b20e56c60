/**
 * A worker process for the crash-recovery test (run with tsx):
 *   crash.fixture.ts <queue> <holdMs> [--enqueue <n>] [--concurrency <n>]
 * Works one queue (heartbeat 10 s, a 5-minute retry delay) whose handler
 * writes an attempt row, holds for <holdMs> ms, then writes its one side
 * effect, a row of test_job_effects. Prints READY, ENQUEUED <id...>,
 * STARTED <id> and FINISHED <id>. The test creates both tables.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "./define-job";
import { startJobRuntime } from "./runtime";
import { sendJob } from "./send-job";
import { installShutdownHandlers } from "./shutdown";

const [queue = "test.crash", holdArg = "0", ...flags] = process.argv.slice(2);
const holdMs = Number(holdArg);
const option = (name: string) => {
  const at = flags.indexOf(name);
  return at >= 0 ? Number(flags[at + 1]) : 0;
};
const say = (line: string) => process.stdout.write(`${line}\n`);

const crashJob = defineJob({
  name: queue,
  payload: z.object({ n: z.number().int() }),
  // Only the lost-job reclaim, not this delay, can bring a job back within a minute.
  retry: { limit: 3, delaySeconds: 300, backoff: false },
  concurrency: option("--concurrency") || 1,
  heartbeatSeconds: 10,
  expireInSeconds: 600,
  handler: async () => ({
    default: async (_payload, ctx) => {
      await db().$executeRaw`INSERT INTO test_job_attempts (job_id) VALUES (${ctx.jobId}::uuid)`;
      say(`STARTED ${ctx.jobId}`);
      await new Promise((resolve) => setTimeout(resolve, holdMs));
      await db().$executeRaw`INSERT INTO test_job_effects (job_id) VALUES (${ctx.jobId}::uuid)`;
      say(`FINISHED ${ctx.jobId}`);
    },
  }),
});

installShutdownHandlers();
await startJobRuntime({ role: "worker", definitions: [crashJob], pollingIntervalSeconds: 0.5 });
const count = option("--enqueue");
if (count > 0) {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) ids.push((await sendJob(crashJob, { n }))!);
  say(`ENQUEUED ${ids.join(" ")}`);
}
say("READY");
