import pino from "pino";
import { env } from "@/env";
import { scrubSecrets } from "./scrub-secrets";

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
  "callback_token",
  "*.callback_token",
  "*.*.callback_token",
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
    serializers: { err: serializeError },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrubSecrets(a) : a)) as Parameters<typeof method>);
      },
    },
  }));

/** pino's error serializer, with credentials masked in the message and stack. */
function serializeError(err: Error) {
  const out = pino.stdSerializers.err(err);
  out.message = scrubSecrets(out.message ?? "");
  if (out.stack) out.stack = scrubSecrets(out.stack);
  return out;
}
