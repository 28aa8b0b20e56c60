import pino from "pino";
import { logger } from "../../src/server/logger";

/**
 * Runs `work` with the process logger at its most verbose and every line it
 * writes captured, so a test can prove what never reaches the logs.
 */
export async function captureLogs<T>(work: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const target = logger as unknown as Record<symbol, unknown>;
  const stream = target[pino.symbols.streamSym];
  const level = logger.level;
  target[pino.symbols.streamSym] = { write: (line: string) => lines.push(line) };
  logger.level = "trace";
  try {
    return { result: await work(), lines };
  } finally {
    target[pino.symbols.streamSym] = stream;
    logger.level = level;
  }
}
