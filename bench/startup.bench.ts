import { ensureBuild, startBareNext, startNpm, timeToHealthy, withDataDir } from "./app-process";
import { interleave, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "startup";
export const description =
  "start → /api/health 200, warm: `npm start` on a data dir it has started on before vs a bare `next start` of the same build on the bench database";

const STARTS = 4;

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  await ensureBuild(log, name);
  return withDataDir(async (dataDir) => {
    // Not timed: the first start initialises the data dir (embedded Postgres, migrations); see startup-cold.
    log(`startup: first npm start on a fresh data dir (untimed), then ${STARTS} warm starts per side`);
    await timeToHealthy(() => startNpm(dataDir));
    const { baseline, candidate } = await interleave({
      rounds: STARTS,
      perRound: 1,
      warmUp: 0,
      baseline: () => timeToHealthy(() => startBareNext(databaseUrl)),
      candidate: () => timeToHealthy(() => startNpm(dataDir)),
    });
    return {
      metric: "start → /api/health 200",
      baseline: { label: "next start (same build, Postgres already up)", samples: baseline },
      candidate: { label: "npm start, warm (existing data dir)", samples: candidate },
    };
  });
}
