import type { PgBoss } from "pg-boss";
import { env, type ZRole } from "@/env";
import type { z } from "zod";
import { logger } from "@/server/logger";
import { createBoss, currentBoss, setCurrentBoss } from "./boss";
import { JOB_HEARTBEAT_REFRESH_SECONDS, type TJobDefinition } from "./define-job";
import { ensureQueues, syncSchedules } from "./queues";
import { JOB_DEFINITIONS } from "./registry";
import { superviseLostJobs } from "./reclaim-lost-jobs";
import { jobWorker } from "./run-job";

export type TJobRole = z.infer<typeof ZRole>;

type TRuntime = {
  role: TJobRole;
  status: "starting" | "running" | "stopping";
  started: Promise<void>;
  /** Stops the pass that runs lost jobs again (workers only). */
  stopSupervising?: () => void;
};
export type TStartOptions = {
  role: TJobRole;
  /** Defaults to the registry; tests pass their own. */
  definitions?: readonly TJobDefinition[];
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  /** Defaults to EMBARK_JOB_POLL_SECONDS. */
  pollingIntervalSeconds?: number;
};

const g = globalThis as typeof globalThis & { __embarkJobRuntime?: TRuntime };

const HEALTH_TIMEOUT_MS = 2000;

/**
 * Starts pg-boss in this process. `all` and `worker` run handlers; `web`
 * only enqueues. Idempotent: a second call (dev reloads) joins the first.
 */
export async function startJobRuntime(opts: TStartOptions): Promise<void> {
  const running = g.__embarkJobRuntime;
  if (running) {
    if (running.role !== opts.role) {
      throw new Error(`job runtime already started as "${running.role}", not "${opts.role}"`);
    }
    return running.started;
  }
  const runtime: TRuntime = { role: opts.role, status: "starting", started: Promise.resolve() };
  g.__embarkJobRuntime = runtime;
  runtime.started = boot(opts, runtime).then(
    () => {
      runtime.status = "running";
    },
    (err: unknown) => {
      if (g.__embarkJobRuntime === runtime) g.__embarkJobRuntime = undefined;
      throw err;
    },
  );
  return runtime.started;
}

async function boot(opts: TStartOptions, runtime: TRuntime) {
  const works = opts.role !== "web";
  const definitions = opts.definitions ?? JOB_DEFINITIONS;
  const boss = createBoss({
    connectionString: opts.connectionString ?? env().DATABASE_URL!,
    works,
    name: `embark-${opts.role}`,
  });
  await boss.start();
  setCurrentBoss(boss);
  try {
    await ensureQueues(boss, definitions);
    if (works) {
      await syncSchedules(boss, definitions);
      await startWorkers(boss, definitions, opts.pollingIntervalSeconds ?? env().EMBARK_JOB_POLL_SECONDS);
      runtime.stopSupervising = superviseLostJobs(
        boss,
        definitions.map((d) => d.name),
        (queues) => queues.forEach((queue) => wakeWorkers(boss, queue)),
      );
    }
  } catch (err) {
    setCurrentBoss(undefined);
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw err;
  }
  logger.info({ role: opts.role, queues: definitions.map((d) => d.name) }, "background-job runtime started");
}

async function startWorkers(boss: PgBoss, definitions: readonly TJobDefinition[], pollingIntervalSeconds: number) {
  for (const def of definitions) {
    await boss.work(
      def.name,
      {
        batchSize: 1,
        localConcurrency: def.concurrency ?? 1,
        includeMetadata: true,
        perJobResults: true,
        pollingIntervalSeconds,
        heartbeatRefreshSeconds: JOB_HEARTBEAT_REFRESH_SECONDS,
        // Retries and delayed jobs send no NOTIFY; they are found by this poll.
        notifyPollingIntervalSeconds: pollingIntervalSeconds,
      },
      jobWorker(def, () => wakeWorkers(boss, def.name)),
    );
  }
}

/**
 * After a job, a worker would sleep a polling interval before fetching again,
 * so a backlog of N jobs would take N intervals (NOTIFYs coalesce while it is
 * busy). Waking the queue's workers makes them fetch at once; an empty fetch
 * sends them back to sleep, so this never spins.
 */
function wakeWorkers(boss: PgBoss, queue: string) {
  for (const worker of boss.getWipData()) {
    if (worker.name === queue && worker.state === "active") boss.notifyWorker(worker.id);
  }
}

/**
 * Stops gracefully: no new jobs are taken, running handlers get
 * `timeoutMs` (default EMBARK_SHUTDOWN_TIMEOUT_MS) to finish, and jobs still
 * running then are failed back to the queue (retry state) by pg-boss, their
 * signals aborted, so another worker picks them up.
 */
export async function stopJobRuntime(opts: { timeoutMs?: number } = {}): Promise<void> {
  const runtime = g.__embarkJobRuntime;
  if (!runtime) return;
  runtime.status = "stopping";
  await runtime.started.catch(() => undefined);
  runtime.stopSupervising?.();
  const boss = currentBoss();
  try {
    if (boss) {
      await boss.stop({ graceful: true, close: true, timeout: opts.timeoutMs ?? env().EMBARK_SHUTDOWN_TIMEOUT_MS });
    }
  } finally {
    setCurrentBoss(undefined);
    if (g.__embarkJobRuntime === runtime) g.__embarkJobRuntime = undefined;
  }
  logger.info({ role: runtime.role }, "background-job runtime stopped");
}

/** State of the background-job runtime in this process, for /api/health. */
export async function jobQueueHealth(): Promise<"ok" | "down" | "disabled"> {
  const runtime = g.__embarkJobRuntime;
  if (!runtime) return "disabled";
  const boss = currentBoss();
  if (runtime.status !== "running" || !boss) return "down";
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([boss.getDb().executeSql("SELECT 1"), timeout]);
    return "ok";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}
