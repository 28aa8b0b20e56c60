/**
 * A worker process for the dispatch crash test (run with tsx):
 *   dispatch-worker.fixture.ts <jobId>
 * Dispatches one provision job to the GitHub configured in its environment,
 * the way the background job does. The test kills it while GitHub holds the
 * accepted request open.
 */
import { dispatchProvisionJob } from "./dispatch-provision-job";

const [jobId = ""] = process.argv.slice(2);
process.stdout.write("DISPATCHING\n");
await dispatchProvisionJob({ jobId, attempt: { isLastAttempt: false } });
process.stdout.write("DONE\n");
process.exit(0);
