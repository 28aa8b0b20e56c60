/**
 * A steady request rate over keep-alive connections, with each response's
 * time: what the HTTP benchmarks drive their servers with. autocannon (a dev
 * dependency) holds a fixed rate, which a loop of `fetch` calls cannot do.
 */
import autocannon from "autocannon";

/**
 * One steady-rate run against `url` (its paths taken in turn when `paths` is
 * given); latencies (ms) of the 200 answers. Any other answer, error or
 * timeout fails the run.
 */
export async function steady(opts: {
  url: string;
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  paths?: readonly string[];
  connections?: number;
}): Promise<number[]> {
  const samples: number[] = [];
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        method: "GET",
        headers: opts.headers ?? {},
        connections: opts.connections ?? 4,
        overallRate: opts.rate,
        duration: opts.seconds,
        ...(opts.paths ? { requests: opts.paths.map((path) => ({ method: "GET" as const, path })) } : {}),
      },
      (error, done) => (error ? reject(error as Error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) samples.push(responseTime);
      else unexpected += 1;
    });
  });
  if (unexpected || result.errors || result.timeouts) {
    throw new Error(`${opts.url}: ${unexpected} answers other than 200, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return samples;
}

/**
 * Steady runs against two targets on one server, `rounds` per side, taking
 * turns (which side goes first alternates, so drift on the machine lands on
 * both alike), after one unmeasured warm-up run of each.
 */
export async function steadyPair(opts: {
  rounds: number;
  baseline: () => Promise<number[]>;
  candidate: () => Promise<number[]>;
}): Promise<{ baseline: number[]; candidate: number[] }> {
  await opts.baseline();
  await opts.candidate();
  const baseline: number[] = [];
  const candidate: number[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    const sides = [
      async () => baseline.push(...(await opts.baseline())),
      async () => candidate.push(...(await opts.candidate())),
    ];
    for (const side of round % 2 === 0 ? sides : sides.reverse()) await side();
  }
  return { baseline, candidate };
}
