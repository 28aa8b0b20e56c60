import path from "node:path";
import pino from "pino";
import { env, rawEnv } from "@/env";
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
  "first_jwt",
  "*.first_jwt",
  "appliance_credential",
  "*.appliance_credential",
  "applianceCredential",
  "*.applianceCredential",
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

/** EMBARK_LOG_CAPTURE_DIR, read like the level: a configuration that does not parse still logs. */
function captureDir(): string | undefined {
  try {
    return env().EMBARK_LOG_CAPTURE_DIR;
  } catch {
    return rawEnv().EMBARK_LOG_CAPTURE_DIR || undefined;
  }
}

/**
 * With EMBARK_LOG_CAPTURE_DIR set (the test command sets it), every line at
 * every level also goes to `<dir>/app-<pid>.jsonl`, whatever LOG_LEVEL says, so
 * the whole run's logs can be searched for secrets afterwards.
 */
function withCapture(options: pino.LoggerOptions): pino.Logger | undefined {
  const dir = captureDir();
  if (!dir) return undefined;
  const file = pino.destination({ dest: path.join(dir, `app-${process.pid}.jsonl`), append: true, mkdir: true, sync: true });
  const streams: pino.StreamEntry[] = [{ level: "trace", stream: file }];
  const configured = options.level ?? "info";
  if (configured !== "silent") streams.push({ level: configured as pino.Level, stream: pino.destination(1) });
  return pino({ ...options, level: "trace" }, pino.multistream(streams));
}

function scrubFields(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubFields(v, depth + 1));
  // Errors, dates and class instances keep their own serializers (errors are scrubbed by serializeError).
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubFields(v, depth + 1)]));
}

/** pino's error serializer, with credentials masked in the message and stack. */
function serializeError(err: Error) {
  const out = pino.stdSerializers.err(err);
  out.message = scrubSecrets(out.message ?? "");
  if (out.stack) out.stack = scrubSecrets(out.stack);
  return out;
}

/** A logger with Embark's redaction and scrubbing; `destination` lets tests capture what would be written. */
export function createLogger(opts: { level?: string; destination?: pino.DestinationStream } = {}): pino.Logger {
  const options: pino.LoggerOptions = {
    level: opts.level ?? level(),
    base: { service: "embark" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError },
    // Strings anywhere in a log line's fields are scrubbed too, not only the message.
    formatters: { log: (object) => scrubFields(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrubSecrets(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  if (opts.destination) return pino(options, opts.destination);
  return withCapture(options) ?? pino(options);
}
