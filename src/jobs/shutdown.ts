import { env } from "@/env";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { stopJobRuntime } from "./runtime";

/** The process is gone by then, whatever hangs; orchestrators usually kill at 10 s. */
const HARD_LIMIT_MS = 9_500;
/** Left after the job grace for closing pools and exiting. */
const CLOSE_MARGIN_MS = 1_500;
/** Slack after the grace and the close margin before the hard timer fires. */
const HARD_SLACK_MS = 1_000;

type TShutdownSlot = { running?: Promise<void>; handlersInstalled?: boolean };
const slot = ((globalThis as typeof globalThis & { __embarkShutdown?: TShutdownSlot }).__embarkShutdown ??= {});

/**
 * Stops the process gracefully: the job runtime first (running handlers get
 * EMBARK_SHUTDOWN_TIMEOUT_MS, unfinished jobs go back to the queue), then
 * Prisma, then exit 0. A hard timer exits with 1 if anything hangs. Calls
 * after the first join it.
 */
export function shutdownProcess(opts: { reason: string; exit?: (code: number) => void }): Promise<void> {
  slot.running ??= run(opts);
  return slot.running;
}

async function run(opts: { reason: string; exit?: (code: number) => void }): Promise<void> {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const startedAt = Date.now();
  logger.info({ reason: opts.reason }, "shutting down");
  const graceMs = Math.min(jobGraceMs(), HARD_LIMIT_MS - CLOSE_MARGIN_MS);
  const hard = setTimeout(() => {
    logger.error({ ms: Date.now() - startedAt }, "shutdown did not finish in time; exiting");
    exit(1);
  }, Math.min(HARD_LIMIT_MS, graceMs + CLOSE_MARGIN_MS + HARD_SLACK_MS));
  hard.unref();

  let code = 0;
  try {
    await stopJobRuntime({ timeoutMs: graceMs });
  } catch (err) {
    code = 1;
    logger.error({ err }, "stopping the background-job runtime failed");
  }
  try {
    await db().$disconnect();
  } catch (err) {
    code = 1;
    logger.error({ err }, "closing the database client failed");
  }
  clearTimeout(hard);
  logger.info({ ms: Date.now() - startedAt, exitCode: code }, "shutdown complete");
  exit(code);
}

function jobGraceMs(): number {
  try {
    return env().EMBARK_SHUTDOWN_TIMEOUT_MS;
  } catch {
    return 7_000;
  }
}

/**
 * SIGTERM/SIGINT run `shutdownProcess` (installed once per process). A second
 * signal does not cut the grace short: Ctrl-C reaches every process of the
 * group, and a launcher forwarding it would otherwise force an abrupt exit.
 */
export function installShutdownHandlers(): void {
  if (slot.handlersInstalled) return;
  slot.handlersInstalled = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      void shutdownProcess({ reason: signal });
    });
  }
}
