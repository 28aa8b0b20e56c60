import { env } from "@/env";
import { newProvisionJobId, newTenantId, newTraceId } from "@/server/services/provisioning/ids";
import { db } from "@/server/db";
import { startRestServer } from "../test/support/rest-server";
import { steady, steadyPair } from "./http-load";
import type { TBenchContext, TBenchMeasurements } from "./support";

export const name = "job-read-http";
export const description =
  "GET /v1/jobs/{id} over HTTP at a steady 100 requests/s (key check, job and trace events from Postgres, JSON) vs a trivial route answering {\"ok\":true} through the same server, both driven by autocannon";

/** Requests per second, the same on both sides: latency at a steady load, not peak throughput. */
const RATE = 100;
const SECONDS_PER_ROUND = 4;
const ROUNDS = 4;
const BASELINE_PATH = "/bench/ok";

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
    const at = (path: string) => () => steady({ url: `${server.url}${path}`, headers, rate: RATE, seconds: SECONDS_PER_ROUND });
    const { baseline, candidate } = await steadyPair({ rounds: ROUNDS, baseline: at(BASELINE_PATH), candidate: at(`/v1/jobs/${jobId}`) });
    return {
      metric: `request → response at ${RATE}/s`,
      baseline: { label: `GET ${BASELINE_PATH} (trivial route)`, samples: baseline },
      candidate: { label: "GET /v1/jobs/{id}", samples: candidate },
    };
  } finally {
    await server.close();
  }
}
