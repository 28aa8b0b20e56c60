/**
 * The contract between bench/run.ts and each `bench/*.bench.ts`, and the
 * helpers they share. A benchmark module exports `name`, `description` and
 * `run`; the runner owns the database, the statistics and the report.
 */

export type TBenchContext = {
  /** A migrated database on this run's own Postgres; DATABASE_URL points at it too. */
  databaseUrl: string;
  /** Progress lines, kept out of the result table. */
  log: (line: string) => void;
};

/** One side of a comparison: latencies in milliseconds, one per operation. */
export type TSeries = { label: string; samples: number[] };

export type TBenchMeasurements = {
  /** What one sample times, e.g. "send → handler". */
  metric: string;
  /** Unit of the samples (default "ms"). */
  unit?: string;
  baseline: TSeries;
  candidate: TSeries;
};

export type TBenchModule = {
  name: string;
  description: string;
  run: (ctx: TBenchContext) => Promise<TBenchMeasurements>;
};

/** Nearest-rank percentile of samples (any order). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Runs `rounds` rounds of `perRound` operations on each side, alternating
 * which side goes first, so drift on the machine (other load, caches, the
 * database growing) lands on both sides alike. Each side first runs
 * `warmUp` unmeasured operations.
 */
export async function interleave(opts: {
  rounds: number;
  perRound: number;
  warmUp: number;
  baseline: () => Promise<number>;
  candidate: () => Promise<number>;
}): Promise<{ baseline: number[]; candidate: number[] }> {
  for (let i = 0; i < opts.warmUp; i++) {
    await opts.baseline();
    await opts.candidate();
  }
  const baseline: number[] = [];
  const candidate: number[] = [];
  const sides = [
    { measure: opts.baseline, into: baseline },
    { measure: opts.candidate, into: candidate },
  ];
  for (let round = 0; round < opts.rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      for (let i = 0; i < opts.perRound; i++) side.into.push(await side.measure());
    }
  }
  return { baseline, candidate };
}

/** Milliseconds `op` takes. */
export async function timed(op: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await op();
  return performance.now() - started;
}
