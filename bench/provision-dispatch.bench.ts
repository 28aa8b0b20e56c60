import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { reloadEnv, rawEnv, env } from "@/env";
import { currentBoss } from "@/jobs/boss";
import { provisioningDispatchJob } from "@/jobs/definitions/provisioning/dispatch";
import { provisioningRunLocalJob } from "@/jobs/definitions/provisioning/run-local";
import { ensureQueues } from "@/jobs/queues";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { createTenant } from "@/server/services/tenants/create-tenant";
import { interleave, percentile, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "provision-dispatch";
export const description =
  "signup → provision job Dispatched, one at a time: createTenant + the provisioning.dispatch handler (local) vs a bare pg-boss send → trivial handler on the same runtime";

/** The baseline's queue, on the runtime's own pg-boss instance. */
const FLOOR_QUEUE = "bench.dispatch-floor";
/** The node every benchmark tenant is placed on, so no sample asks for a new server. */
const BENCH_NODE = "node-sg-bench00";
/**
 * Idle time between samples, not timed: pg-boss completes the job and the
 * worker's after-job fetch returns empty before the next sample starts, so
 * one sample's tail does not land in the next one's measurement.
 */
const SETTLE_MS = 5;
const WARM_UP = 20;

/**
 * Arrival times keyed by job: a sample waits for its key, and an arrival that
 * beats the wait (the handler can finish before the caller's await resumes)
 * is kept until it is asked for.
 */
function arrivals() {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  return {
    arrived(key: string) {
      const at = performance.now();
      const resolve = waiting.get(key);
      if (resolve) {
        waiting.delete(key);
        resolve(at);
      } else early.set(key, at);
    },
    async waitFor(key: string): Promise<number> {
      const at = early.get(key);
      if (at !== undefined) {
        early.delete(key);
        return at;
      }
      return new Promise<number>((resolve) => waiting.set(key, resolve));
    },
  };
}

/**
 * Counts the statements Embark's own code sends (Prisma's queries and the
 * in-transaction pg-boss insert), by phase. pg-boss's fetch and complete run
 * on pg-boss's own pool and are left out: its clients are told apart by that
 * pool's client list (pg-pool's `_clients`; a bench-only peek). Untimed.
 */
function roundTrips(bossPool: pg.Pool) {
  const theirs = () => (bossPool as unknown as { _clients?: object[] })._clients ?? [];
  const counts = new Map<string, string[]>();
  let phase: string | null = null;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (phase && !theirs().includes(this)) {
      const first = args[0];
      const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "?");
      counts.set(phase, [...(counts.get(phase) ?? []), text.replace(/\s+/g, " ").trim()]);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    set phase(p: string | null) {
      phase = p;
    },
    counts,
    stop() {
      pg.Client.prototype.query = original;
    },
  };
}

export async function run({ log }: TBenchContext): Promise<TBenchMeasurements> {
  const environment = rawEnv();
  const saved = {
    PROVISION_DISPATCHER: environment.PROVISION_DISPATCHER,
    LOCAL_RUNNER_STAGE_DELAY_MS: environment.LOCAL_RUNNER_STAGE_DELAY_MS,
  };
  // The local dispatcher, whatever GitHub settings this machine has; no stage delays (no run-local job is worked anyway).
  environment.PROVISION_DISPATCHER = "local";
  environment.LOCAL_RUNNER_STAGE_DELAY_MS = "0";
  reloadEnv();

  const floor = arrivals();
  const dispatched = arrivals();
  /** When each dispatch handler started, by provision job id: splits a candidate sample into its phases. */
  const handlerStarts = new Map<string, number>();
  const phases = { signup: [] as number[], pickup: [] as number[], handler: [] as number[] };
  let counter: ReturnType<typeof roundTrips> | null = null;

  // The real provisioning.dispatch definition (queue options, retries,
  // concurrency 4), its real handler wrapped to note when it returns: that is
  // after dispatchProvisionJob's transaction (job → Dispatched, trace event,
  // run-local job) has committed.
  const dispatchJob: typeof provisioningDispatchJob = {
    ...provisioningDispatchJob,
    handler: async () => {
      const { default: handle } = await provisioningDispatchJob.handler();
      return {
        default: async (payload, ctx) => {
          handlerStarts.set(payload.jobId, performance.now());
          if (counter) counter.phase = "handler";
          await handle(payload, ctx);
          if (counter) counter.phase = null;
          dispatched.arrived(payload.jobId);
        },
      };
    },
  };

  const runTag = randomBytes(3).toString("hex");
  let n = 0;
  const created: { job_id: string; tenant_id: string }[] = [];

  try {
    // Only the dispatch queue is worked. provisioning.run-local gets its queue
    // (the handler enqueues into it) but no worker, so the local runner never
    // competes with the measurement; neither do the watchdog and outbox crons.
    await startJobRuntime({ role: "all", definitions: [dispatchJob] });
    const boss = currentBoss()!;
    await ensureQueues(boss, [provisioningRunLocalJob]);

    // Baseline: bare pg-boss on the runtime's own instance (same pool, same
    // LISTEN connection), a notify queue, and the worker settings the runtime
    // gives its queues, with a handler that only notes its arrival.
    const pollingIntervalSeconds = env().EMBARK_JOB_POLL_SECONDS;
    await boss.createQueue(FLOOR_QUEUE, { notify: true, retryLimit: 0 });
    await boss.work<{ seq: string }>(
      FLOOR_QUEUE,
      { batchSize: 1, pollingIntervalSeconds, notifyPollingIntervalSeconds: pollingIntervalSeconds },
      async ([job]) => floor.arrived(job!.data.seq),
    );

    // Every signup lands on this node (a shared starter slot), the steady
    // state once a region has a node: the placement reserves capacity, and the
    // job is dispatched as use_existing.
    await db().node.create({ data: { id: BENCH_NODE, region: env().DEFAULT_REGION, capacity: 1_000_000 } });

    const baseline = async (): Promise<number> => {
      await sleep(SETTLE_MS);
      const seq = `floor-${n++}`;
      const started = performance.now();
      await boss.send(FLOOR_QUEUE, { seq });
      return (await floor.waitFor(seq)) - started;
    };

    const candidate = async (): Promise<number> => {
      await sleep(SETTLE_MS);
      const slug = `bench-${runTag}-${n++}`;
      const started = performance.now();
      const signup = await createTenant({
        input: { company_name: `Bench ${slug}`, subdomain_slug: slug, plan: "starter" },
        callerScope: "bench",
      });
      const signedUp = performance.now();
      created.push(signup);
      const done = await dispatched.waitFor(signup.job_id);
      const handlerStarted = handlerStarts.get(signup.job_id)!;
      handlerStarts.delete(signup.job_id);
      phases.signup.push(signedUp - started);
      phases.pickup.push(handlerStarted - signedUp);
      phases.handler.push(done - handlerStarted);
      // Not timed: the handler returning must mean the row is Dispatched.
      const job = await db().provisionJob.findUniqueOrThrow({
        where: { id: signup.job_id },
        select: { status: true, infraMode: true },
      });
      if (job.status !== "Dispatched" || job.infraMode !== "use_existing") {
        throw new Error(`provision job ${signup.job_id} is ${job.status}/${job.infraMode}, expected Dispatched/use_existing`);
      }
      return done - started;
    };

    // Untimed: the statements one signup and its dispatch send, by phase.
    const bossPool = (boss.getDb() as unknown as { pool?: pg.Pool }).pool;
    if (!bossPool) throw new Error("pg-boss has no pool of its own to tell its statements apart by");
    counter = roundTrips(bossPool);
    try {
      const slug = `bench-${runTag}-count`;
      counter.phase = "createTenant";
      const signup = await createTenant({
        input: { company_name: `Bench ${slug}`, subdomain_slug: slug, plan: "starter" },
        callerScope: "bench",
      });
      counter.phase = null;
      created.push(signup);
      await dispatched.waitFor(signup.job_id);
      handlerStarts.delete(signup.job_id);
      for (const [phase, statements] of counter.counts) {
        log(`provision-dispatch: ${phase} sends ${statements.length} statements: ${statements.map((t) => t.slice(0, 40)).join(" | ")}`);
      }
    } finally {
      counter.stop();
      counter = null;
    }

    log("provision-dispatch: 2 × 400 samples");
    const measured = await interleave({ rounds: 8, perRound: 50, warmUp: WARM_UP, baseline, candidate });
    // Where a candidate sample's time goes: the p50 of each phase on its own (they need not add up), warm-up left out.
    const p50 = (xs: number[]) => percentile(xs.slice(WARM_UP), 50).toFixed(2);
    log(
      `provision-dispatch: candidate phases, p50: createTenant ${p50(phases.signup)} ms, ` +
        `createTenant resolved → dispatch handler starts ${p50(phases.pickup)} ms, handler ${p50(phases.handler)} ms`,
    );
    return {
      metric: "enqueue → dispatched (ms)",
      baseline: { label: "pg-boss send → trivial handler (runtime's instance, notify queue)", samples: measured.baseline },
      candidate: { label: "createTenant → job Dispatched (dispatch handler committed)", samples: measured.candidate },
    };
  } finally {
    const boss = currentBoss();
    // The run-local jobs queued here (never worked) must not be picked up by a later benchmark's runtime.
    await boss?.deleteAllJobs(provisioningRunLocalJob.name).catch(() => undefined);
    await boss?.deleteQueue(FLOOR_QUEUE).catch(() => undefined);
    await stopJobRuntime();
    // Later benchmarks share this database: leave no tenants, jobs or node behind.
    const jobIds = created.map((c) => c.job_id);
    const tenantIds = created.map((c) => c.tenant_id);
    await db()
      .$transaction([
        db().traceEvent.deleteMany({ where: { jobId: { in: jobIds } } }),
        db().provisionJob.deleteMany({ where: { id: { in: jobIds } } }),
        db().tenant.deleteMany({ where: { id: { in: tenantIds } } }),
        db().node.deleteMany({ where: { id: BENCH_NODE } }),
      ])
      .catch((err: unknown) => log(`provision-dispatch: clean-up failed: ${String(err)}`));
    await db().$disconnect();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete environment[key];
      else environment[key] = value;
    }
    reloadEnv();
  }
}
