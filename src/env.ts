import { z } from "zod";

/**
 * The only reader of process.env. `parseEnv` is pure (tests feed it records);
 * `env()` parses the real environment once, lazily, so `next build` does not
 * need runtime secrets.
 */

const MIN_SECRET = 32;
const WEAK = /^(changeme|change-me|secret|password|test|development|dev)/i;

const secret = (name: string) =>
  z
    .string()
    .min(MIN_SECRET, `${name} must be at least ${MIN_SECRET} characters`)
    .refine((v) => !WEAK.test(v) && new Set(v).size >= 8, `${name} is too weak (use a random value)`);

const boolish = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const ZRole = z.enum(["all", "web", "worker"]);

const ZEnvShape = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EMBARK_DATA_DIR: z.string().min(1).default(".data"),
  EMBARK_ROLE: ZRole.default("all"),
  EMBARK_PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional(),
  INTERNAL_API_KEY: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Embark <no-reply@embark.localhost>"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  EMBARK_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(9000).default(7000),
  EMBARK_JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  EMBARK_SECURE_COOKIES: boolish,
});

export type TEnv = Omit<z.infer<typeof ZEnvShape>, "INTERNAL_API_KEY" | "AUTH_SECRET" | "EMBARK_PUBLIC_URL"> & {
  INTERNAL_API_KEY: string;
  AUTH_SECRET: string;
  EMBARK_PUBLIC_URL: string;
  isProduction: boolean;
};

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}`);
    this.name = "EnvError";
  }
}

type Source = Record<string, string | undefined>;

export type TBaseEnv = z.infer<typeof ZEnvShape>;

/**
 * Parses the variables without requiring the database or secrets: what the
 * launcher needs before it has started Postgres or generated local secrets.
 */
export function parseBaseEnv(source: Source): TBaseEnv {
  // Treat empty strings as unset, as .env files often leave them blank.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ZEnvShape.safeParse(cleaned);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? "?"), message: i.message })),
    );
  }
  return parsed.data;
}

/** Parses and checks configuration. Throws EnvError naming each bad variable. */
export function parseEnv(source: Source): TEnv {
  const e = parseBaseEnv(source);
  const isProduction = e.NODE_ENV === "production";
  const issues: { variable: string; message: string }[] = [];
  const required = (name: "DATABASE_URL" | "INTERNAL_API_KEY" | "AUTH_SECRET") => {
    if (!e[name]) issues.push({ variable: name, message: `${name} is required` });
  };
  required("DATABASE_URL");
  required("INTERNAL_API_KEY");
  required("AUTH_SECRET");
  for (const name of ["INTERNAL_API_KEY", "AUTH_SECRET"] as const) {
    const value = e[name];
    if (!value) continue;
    const check = secret(name).safeParse(value);
    if (!check.success) issues.push({ variable: name, message: check.error.issues[0]!.message });
  }
  if (isProduction && e.EMBARK_PUBLIC_URL === undefined) {
    issues.push({ variable: "EMBARK_PUBLIC_URL", message: "EMBARK_PUBLIC_URL is required in production" });
  }
  if (issues.length) throw new EnvError(issues);
  return {
    ...e,
    INTERNAL_API_KEY: e.INTERNAL_API_KEY!,
    AUTH_SECRET: e.AUTH_SECRET!,
    EMBARK_PUBLIC_URL: (e.EMBARK_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    isProduction,
  };
}

let cached: TEnv | undefined;

/** The process configuration, parsed on first use. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Raw access for the launcher and tooling, which run before secrets exist. */
export function rawEnv(): NodeJS.ProcessEnv {
  return process.env;
}
