import { steady } from "./http-load";
import { ensureBuild, sampleTree, sleep, startBareNext, startNpm, withDataDir, type TAppProcess } from "./app-process";
import type { TBenchContext, TBenchMeasurements } from "./support";

export const name = "load-memory";
export const description =
  "resident memory (VmRSS summed over the process tree) while the server answers a steady 50 requests/s (/api/health and a public tRPC query in turn): `npm start` vs a bare `next start` of the same build";

const RATE = 50;
/** After /api/health answers, before the load starts. */
const SETTLE_MS = 3_000;
const LOAD_SECONDS = 14;
/** Sampling starts this long into the load, so the heap has grown to its working size. */
const WARM_MS = 4_000;
const SAMPLES = 16;
const SAMPLE_EVERY_MS = 500;
const PATHS = ["/api/health", `/api/trpc/licensing.orderEditions?batch=1&input=${encodeURIComponent("{}")}`];

/** RSS samples of `app`'s tree taken while autocannon holds the rate; the server is stopped afterwards. */
async function underLoad(app: TAppProcess, log: TBenchContext["log"], side: string): Promise<number[]> {
  try {
    await sleep(SETTLE_MS);
    const load = steady({ url: app.url, rate: RATE, seconds: LOAD_SECONDS, paths: PATHS });
    await sleep(WARM_MS);
    const samples = await sampleTree(app.pid, { samples: SAMPLES, everyMs: SAMPLE_EVERY_MS });
    const latencies = (await load).sort((a, b) => a - b);
    log(`load-memory: ${side} answered ${latencies.length} requests, p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms`);
    return samples;
  } finally {
    await app.stop();
  }
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  await ensureBuild(log, name);
  log(`load-memory: ${LOAD_SECONDS}s at ${RATE} requests/s per side`);
  const baseline = await underLoad(await startBareNext(databaseUrl), log, "next start");
  const candidate = await withDataDir(async (dataDir) => underLoad(await startNpm(dataDir), log, "npm start"));
  return {
    metric: `RSS of the process tree at ${RATE} requests/s`,
    unit: "MiB",
    baseline: { label: "next start (same build)", samples: baseline },
    candidate: { label: "npm start", samples: candidate },
  };
}
