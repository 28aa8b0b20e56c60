/**
 * A worker process for the graceful-shutdown tests (run with tsx):
 *   shutdown.fixture.ts <queue> <holdMs> [--enqueue] [--hold-in-db]
 * Works one queue whose handler holds for <holdMs> ms (in a timer, or in a
 * database query with --hold-in-db), ignoring its abort signal as a badly
 * behaved handler would, and prints progress lines (READY, ENQUEUED <id>,
 * STARTED <id>, FINISHED <id>) the test waits on.
 */
import { z } from "zod";
import { db } from "@/server/db";
import { defineJob } from "./define-job";
import { startJobRuntime } from "./runtime";
import { sendJob } from "./send-job";
import { installShutdownHandlers } from "./shutdown";

const [queue = "test.slow", holdArg = "0", ...flags] = process.argv.slice(2);
const holdMs = Number(holdArg);
const hold = flags.includes("--hold-in-db")
  ? () => db().$queryRawUnsafe("SELECT pg_sleep($1)", holdMs / 1000)
  : () => new Promise((resolve) => setTimeout(resolve, holdMs));
const say = (line: string) => process.stdout.write(`${line}\n`);

const slowJob = defineJob({
  name: queue,
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 0, backoff: false },
  handler: async () => ({
    default: async (_payload, ctx) => {
      say(`STARTED ${ctx.jobId}`);
      await hold();
      say(`FINISHED ${ctx.jobId}`);
    },
  }),
});

installShutdownHandlers();
await startJobRuntime({ role: "worker", definitions: [slowJob], pollingIntervalSeconds: 0.5 });
if (flags.includes("--enqueue")) say(`ENQUEUED ${await sendJob(slowJob, {})}`);
say("READY");
