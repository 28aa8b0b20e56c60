import pino from "pino";
import { env } from "@/env";

/** Paths never written to logs, whatever a caller passes in. */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "otp",
  "*.otp",
  "code",
  "*.code",
  "token",
  "*.token",
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "cookie",
  "body",
  "*.body",
  "installCode",
  "*.installCode",
  "install_code",
  "*.install_code",
  "jwt",
  "*.jwt",
];

function level(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

type G = typeof globalThis & { __embarkLogger?: pino.Logger };
const g = globalThis as G;

/** The process logger: structured JSON with secrets redacted. */
export const logger: pino.Logger =
  g.__embarkLogger ??
  (g.__embarkLogger = pino({
    level: level(),
    base: { service: "embark" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  }));
