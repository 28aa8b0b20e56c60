import { jobQueueHealth } from "@/jobs/runtime";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { APP_VERSION } from "./app-version";

export type TQueueHealth = "ok" | "down" | "disabled";
export type THealth = { status: "ok" | "degraded"; db: "ok" | "down"; queue: TQueueHealth; version: string };

/** The checks behind /api/health; injectable so a test can point them at a dead database. */
export type THealthDeps = {
  pingDb?: () => Promise<unknown>;
  queueHealth?: () => Promise<TQueueHealth>;
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 2000;

async function withTimeout<T>(work: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Pings the database and asks the job runtime, each bounded by a short timeout. */
export async function checkHealth(deps: THealthDeps = {}): Promise<THealth> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pingDb = deps.pingDb ?? (() => db().$queryRaw`SELECT 1`);
  const queueHealth = deps.queueHealth ?? jobQueueHealth;
  const [dbState, queue] = await Promise.all([
    withTimeout(pingDb, timeoutMs).then(
      () => "ok" as const,
      (err: unknown) => {
        logger.warn({ err }, "health: database check failed");
        return "down" as const;
      },
    ),
    withTimeout(queueHealth, timeoutMs).catch((err: unknown) => {
      logger.warn({ err }, "health: job queue check failed");
      return "down" as const;
    }),
  ]);
  const healthy = dbState === "ok" && queue !== "down";
  return { status: healthy ? "ok" : "degraded", db: dbState, queue, version: APP_VERSION };
}

/** GET /api/health: 200 when healthy, 503 naming the part that is down. Never cached. */
export async function handleHealthRequest(deps: THealthDeps = {}): Promise<Response> {
  const health = await checkHealth(deps);
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
