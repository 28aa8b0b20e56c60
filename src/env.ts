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

const ZProxyEntry = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);

/** Comma-separated addresses or CIDR ranges, e.g. `10.0.0.0/8, ::1`. */
const ZTrustedProxies = z
  .string()
  .optional()
  .transform((v) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(
    z.array(
      z.string().refine((v) => ZProxyEntry.safeParse(v).success, {
        error: (issue) => `"${String(issue.input)}" is not an IP address or CIDR range`,
      }),
    ),
  );

export const ZRole = z.enum(["all", "web", "worker"]);
/** Regions tenants and nodes live in. */
export const ZRegion = z.enum(["sg", "us", "eu"]);

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
  /** Set by the test command: every log line at every level is also appended to a file in this folder. */
  EMBARK_LOG_CAPTURE_DIR: z.string().min(1).optional(),
  EMBARK_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(9000).default(7000),
  EMBARK_JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  EMBARK_SECURE_COOKIES: boolish,
  TRUSTED_PROXIES: ZTrustedProxies,
  TENANT_BASE_DOMAIN: z
    .string()
    .regex(/^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, "TENANT_BASE_DOMAIN must be a lowercase DNS name")
    .default("tenants.embark.localhost"),
  DEFAULT_REGION: ZRegion.default("sg"),
  NODE_DEFAULT_CAPACITY: z.coerce.number().int().min(1).max(10_000).default(50),
  PROVISION_DISPATCHER: z.enum(["github", "local"]).optional(),
  PROVISION_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  LOCAL_RUNNER_STAGE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(400),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_WORKFLOW_DISPATCH_URL: z.url().optional(),
  GITHUB_API_URL: z.url().optional(),
  GITHUB_WORKFLOW_REF: z.string().min(1).default("main"),
  GITHUB_TEMPLATE_REPO: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "GITHUB_TEMPLATE_REPO must be owner/name")
    .optional(),
  GITHUB_REPO_OWNER: z.string().regex(/^[A-Za-z0-9-]{1,39}$/, "GITHUB_REPO_OWNER must be a GitHub user or organisation").optional(),
  GITHUB_DEPLOY_WORKFLOW: z
    .string()
    .regex(/^[A-Za-z0-9._-]+\.ya?ml$/, "GITHUB_DEPLOY_WORKFLOW must be a workflow file name such as deploy.yml")
    .optional(),
  TENANT_HEALTH_PATH: z.string().regex(/^\/[^\s]*$/, "TENANT_HEALTH_PATH must start with /").optional(),
  TENANT_HEALTH_CONNECT_TO: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, "TENANT_HEALTH_CONNECT_TO must be host:port")
    .optional(),
  TENANT_HEALTH_CA_FILE: z.string().min(1).optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_/, "STRIPE_SECRET_KEY must be a secret (sk_) or restricted (rk_) key").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_/, "STRIPE_WEBHOOK_SECRET must start with whsec_").optional(),
  STRIPE_API_URL: z.url().optional(),
  STRIPE_PRICE_GROWTH: z.string().regex(/^price_/, "STRIPE_PRICE_GROWTH must be a price id (price_...)").optional(),
  STRIPE_PRICE_SCALE: z.string().regex(/^price_/, "STRIPE_PRICE_SCALE must be a price id (price_...)").optional(),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  PORTAL_BASE_DOMAIN: z
    .string()
    .regex(/^(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/, "PORTAL_BASE_DOMAIN must be a lowercase DNS name")
    .default("portal.embark.localhost"),
  PORTAL_DOMAIN_MANIFEST_DIR: z.string().min(1).optional(),
  PORTAL_DOMAIN_CHALLENGE_HOST: z
    .string()
    .regex(/^[a-z0-9.-]+$/, "PORTAL_DOMAIN_CHALLENGE_HOST must be a service host name")
    .default("cert-manager-acme-solver.msp.svc.cluster.local"),
  PORTAL_DOMAIN_NAMESPACE: z.string().regex(/^[a-z0-9-]{1,63}$/).default("msp"),
  PORTAL_DOMAIN_ISSUER: z.string().min(1).default("letsencrypt-http01"),
  PORTAL_DOMAIN_SERVICE_HOST: z
    .string()
    .regex(/^[a-z0-9.-]+$/, "PORTAL_DOMAIN_SERVICE_HOST must be a service host name")
    .default("client-portal.msp.svc.cluster.local"),
  PORTAL_INGRESS_ADDRESS: z
    .string()
    .regex(/^[A-Za-z0-9.:\[\]-]+:\d{1,5}$/, "PORTAL_INGRESS_ADDRESS must be host:port")
    .optional(),
  PORTAL_INGRESS_CA_FILE: z.string().min(1).optional(),
  DNS_RESOLVERS: z
    .string()
    .regex(/^[0-9a-fA-F.:\[\]]+(,[0-9a-fA-F.:\[\]]+)*$/, "DNS_RESOLVERS must be comma-separated IP[:port] addresses")
    .optional(),
  KUBECONFIG: z.string().min(1).optional(),
  KUBERNETES_SERVICE_HOST: z.string().min(1).optional(),
  LICENSE_SIGNING_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}(\s*,\s*[A-Za-z0-9_-]{43})*$/, "LICENSE_SIGNING_KEY must be one or more base64url Ed25519 seeds (43 characters), comma-separated, the signing key first")
    .optional(),
  LICENSE_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INSTALL_CODE_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  LICENSE_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  LICENSE_RATE_LIMIT_PER_CODE_PREFIX: z.coerce.number().int().min(1).max(100_000).default(20),
  STRIPE_PRICE_APPLIANCE_PRO: z.string().regex(/^price_/, "STRIPE_PRICE_APPLIANCE_PRO must be a price id (price_...)").optional(),
  STRIPE_PRICE_APPLIANCE_PREMIUM: z.string().regex(/^price_/, "STRIPE_PRICE_APPLIANCE_PREMIUM must be a price id (price_...)").optional(),
  OBJECT_STORE_ENDPOINT: z.url().optional(),
  OBJECT_STORE_REGION: z.string().min(1).default("us-east-1"),
  OBJECT_STORE_BUCKET: z.string().min(3).optional(),
  OBJECT_STORE_ACCESS_KEY: z.string().min(1).optional(),
  OBJECT_STORE_SECRET_KEY: z.string().min(1).optional(),
  APPLIANCE_ISO_KEY: z.string().min(1).default("appliance/current/embark-appliance.iso"),
  FUNNEL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Staging only: the wizard streams its steps to /api/debug/funnel-log (the client reads it at build time). */
  NEXT_PUBLIC_ONBOARDING_DEBUG: boolish,
});

/** Every variable the app reads, for checks that the documentation names them all. */
export const ENV_VARIABLES = Object.keys(ZEnvShape.shape);

export type TEnv = Omit<
  z.infer<typeof ZEnvShape>,
  "INTERNAL_API_KEY" | "AUTH_SECRET" | "EMBARK_PUBLIC_URL" | "PROVISION_DISPATCHER"
> & {
  INTERNAL_API_KEY: string;
  AUTH_SECRET: string;
  EMBARK_PUBLIC_URL: string;
  /** github when GITHUB_TOKEN and GITHUB_WORKFLOW_DISPATCH_URL are set (or asked for), otherwise local. */
  PROVISION_DISPATCHER: "github" | "local";
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
  const githubConfigured = Boolean(e.GITHUB_TOKEN && e.GITHUB_WORKFLOW_DISPATCH_URL);
  if (e.PROVISION_DISPATCHER === "github" && !githubConfigured) {
    issues.push({
      variable: "PROVISION_DISPATCHER",
      message: "PROVISION_DISPATCHER=github needs GITHUB_TOKEN and GITHUB_WORKFLOW_DISPATCH_URL",
    });
  }
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    issues.push({
      variable: e.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY",
      message: "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together (payments need both)",
    });
  }
  if (isProduction && !e.LICENSE_SIGNING_KEY) {
    issues.push({ variable: "LICENSE_SIGNING_KEY", message: "LICENSE_SIGNING_KEY is required in production" });
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
    PROVISION_DISPATCHER: e.PROVISION_DISPATCHER ?? (githubConfigured ? "github" : "local"),
    isProduction,
  };
}

let cached: TEnv | undefined;

/** The process configuration, parsed on first use. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The onboarding debug flag as the browser sees it: Next writes the value of
 * NEXT_PUBLIC_ONBOARDING_DEBUG into browser code when the app is built, so
 * this is fixed per build (the server route reads env() at run time).
 */
export function clientOnboardingDebug(): boolean {
  const value = process.env.NEXT_PUBLIC_ONBOARDING_DEBUG;
  return value === "1" || value === "true";
}

/** Drops the parsed configuration so the next env() reads process.env again; for tests that change it. */
export function reloadEnv(): void {
  cached = undefined;
}

/** Raw access for the launcher and tooling, which run before secrets exist. */
export function rawEnv(): NodeJS.ProcessEnv {
  return process.env;
}
