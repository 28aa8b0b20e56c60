import { ensureBuild, startBareNext, startNpm, timeToHealthy, withDataDir } from "./app-process";
import { interleave, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "startup-cold";
export const description =
  "start → /api/health 200, cold: `npm start` on a fresh data dir (embedded Postgres initdb, start and migrations included) vs a bare `next start` of the same build on the bench database";

const STARTS = 3;

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  await ensureBuild(log, name);
  log(`startup-cold: ${STARTS} starts per side, each npm start on a data dir of its own`);
  const { baseline, candidate } = await interleave({
    rounds: STARTS,
    perRound: 1,
    warmUp: 0,
    baseline: () => timeToHealthy(() => startBareNext(databaseUrl)),
    candidate: () => withDataDir((dataDir) => timeToHealthy(() => startNpm(dataDir))),
  });
  return {
    metric: "start → /api/health 200",
    baseline: { label: "next start (same build, Postgres already up)", samples: baseline },
    candidate: { label: "npm start, cold (fresh data dir: initdb, migrations)", samples: candidate },
  };
}
