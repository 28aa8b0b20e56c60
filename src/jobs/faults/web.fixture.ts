/**
 * A web process for the fault tests (run with tsx): the REST surface on a
 * plain node server (port 0) and the job runtime in the web role, configured
 * by the environment it inherits. Prints LISTENING <url>.
 */
import { startRestServer } from "../../../test/support/rest-server";
import { startJobRuntime } from "../runtime";

await startJobRuntime({ role: "web" });
const server = await startRestServer();
process.stdout.write(`LISTENING ${server.url}\n`);
