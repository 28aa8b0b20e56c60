import autocannon from "autocannon";
import { env } from "@/env";
import { newProvisionJobId, newTenantId, newTraceId } from "@/server/services/provisioning/ids";
import { db } from "@/server/db";
import { startRestServer } from "../test/support/rest-server";
import type { TBenchContext, TBenchMeasurements } from "./support";

export const name = "job-read-http";
export const description =
  "GET /v1/jobs/{id} over HTTP at a steady 100 requests/s (key check, job and trace events from Postgres, JSON) vs a trivial route answering {\"ok\":true} through the same server, both driven by autocannon";

/** Requests per second, the same on both sides: latency at a steady load, not peak throughput. */
const RATE = 100;
const SECONDS_PER_ROUND = 4;
const ROUNDS = 4;
const BASELINE_PATH = "/bench/ok";

/** One steady-rate run against `url`; latencies (ms) of 200 answers, and a count of any other answer. */
async function steady(url: string, headers: Record<string, string>): Promise<number[]> {
  const samples: number[] = [];
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, method: "GET", headers, connections: 4, overallRate: RATE, duration: SECONDS_PER_ROUND },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) samples.push(responseTime);
      else unexpected += 1;
    });
  });
  if (unexpected || result.errors || result.timeouts) {
    throw new Error(`${url}: ${unexpected} answers other than 200, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return samples;
}

/** A tenant and a finished job with its trace, as a client polling for the outcome would read it. */
async function seedJob(): Promise<string> {
  const tenantId = newTenantId();
  const jobId = newProvisionJobId();
  const traceId = newTraceId();
  await db().tenant.create({
    data: { id: tenantId, slug: "bench-read", companyName: "Bench Read", canonicalHostname: "bench-read.t.test", region: "sg", plan: "starter" },
  });
  await db().provisionJob.create({
    data: { id: jobId, tenantId, status: "Completed", infraMode: "create_new_server", region: "sg", traceId, dispatchMode: "local" },
  });
  return jobId;
}

export async function run({ log }: TBenchContext): Promise<TBenchMeasurements> {
  const server = await startRestServer({ extraRoutes: { [BASELINE_PATH]: () => Response.json({ ok: true }) } });
  try {
    const jobId = await seedJob();
    const headers = { authorization: `Bearer ${env().INTERNAL_API_KEY}` };
    const check = await fetch(`${server.url}/v1/jobs/${jobId}`, { headers });
    if (check.status !== 200) throw new Error(`GET /v1/jobs/${jobId} answered ${check.status}: ${await check.text()}`);

    log(`job-read-http: ${ROUNDS} rounds × ${SECONDS_PER_ROUND}s per side at ${RATE} requests/s`);
    // Warm-up, unmeasured: JIT, connection pools.
    await steady(`${server.url}${BASELINE_PATH}`, headers);
    await steady(`${server.url}/v1/jobs/${jobId}`, headers);
    const baseline: number[] = [];
    const candidate: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so drift on the machine lands on both alike.
      const sides = [
        async () => baseline.push(...(await steady(`${server.url}${BASELINE_PATH}`, headers))),
        async () => candidate.push(...(await steady(`${server.url}/v1/jobs/${jobId}`, headers))),
      ];
      for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
    }
    return {
      metric: `request → response at ${RATE}/s`,
      baseline: { label: `GET ${BASELINE_PATH} (trivial route)`, samples: baseline },
      candidate: { label: "GET /v1/jobs/{id}", samples: candidate },
    };
  } finally {
    await server.close();
  }
}
