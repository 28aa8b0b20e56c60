import type pino from "pino";
import { createLogger } from "./create-logger";

export { REDACT_PATHS, createLogger } from "./create-logger";

type G = typeof globalThis & { __embarkLogger?: pino.Logger };
const g = globalThis as G;

/** The process logger: structured JSON with secrets redacted. */
export const logger: pino.Logger = g.__embarkLogger ?? (g.__embarkLogger = createLogger());

