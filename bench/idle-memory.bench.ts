import { embeddedPostgresPid } from "@/server/launcher/testing/launch-process";
import { treeResidentBytes } from "@/server/launcher/process-tree";
import { ensureBuild, mib, sampleTree, sleep, startBareNext, startNpm, withDataDir, type TAppProcess } from "./app-process";
import type { TBenchContext, TBenchMeasurements } from "./support";

export const name = "idle-memory";
export const description =
  "resident memory (VmRSS summed over the process tree) at idle after start: `npm start` vs a bare `next start` of the same build (target: npm start ≤ 400 MiB)";

/** After /api/health answers: startup work (job runtime, crons, first requests) settles. */
const SETTLE_MS = 8_000;
const SAMPLES = 10;
const SAMPLE_EVERY_MS = 500;

async function idleSamples(app: TAppProcess, afterSampling?: () => void): Promise<number[]> {
  try {
    await sleep(SETTLE_MS);
    const samples = await sampleTree(app.pid, { samples: SAMPLES, everyMs: SAMPLE_EVERY_MS });
    afterSampling?.();
    return samples;
  } finally {
    await app.stop();
  }
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  await ensureBuild(log, name);
  log("idle-memory: bare next start");
  const baseline = await idleSamples(await startBareNext(databaseUrl));
  log("idle-memory: npm start");
  // A fresh data dir: npm, the launcher and the Next server it runs (the embedded Postgres it starts runs outside the tree).
  const candidate = await withDataDir(async (dataDir) => {
    return idleSamples(await startNpm(dataDir), () => {
      const postgres = embeddedPostgresPid(dataDir);
      if (postgres) log(`idle-memory: embedded Postgres (own process group, not in the tree) ${mib(treeResidentBytes(postgres)).toFixed(0)} MiB`);
    });
  });
  return {
    metric: "idle RSS of the process tree",
    unit: "MiB",
    baseline: { label: "next start (same build)", samples: baseline },
    candidate: { label: "npm start", samples: candidate },
  };
}
