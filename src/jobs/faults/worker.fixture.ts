/**
 * A worker process for the fault tests (run with tsx): the app's job runtime
 * in the worker role with every registered job, configured only through the
 * environment it inherits (database, GitHub, SMTP, ...), as a deployed worker
 * is. Prints READY once it works its queues.
 */
import { startJobRuntime } from "../runtime";
import { installShutdownHandlers } from "../shutdown";

installShutdownHandlers();
await startJobRuntime({ role: "worker", pollingIntervalSeconds: 0.5 });
process.stdout.write("READY\n");
