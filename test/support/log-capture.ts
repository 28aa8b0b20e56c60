import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * The test side of the secrets-in-logs check. `npm test` sets
 * EMBARK_LOG_CAPTURE_DIR; the app's logger appends every line there, and the
 * test helpers that mint or read secrets name them here (`secrets.jsonl`) and
 * copy what child processes print (`child-*.log`). After the run
 * scripts/log-scan.ts searches the captured lines for the named values and
 * for secret-shaped text. Without the variable every function does nothing.
 */

/** The registry file's name inside the capture folder; the scan skips it. */
export const SECRETS_FILE = "secrets.jsonl";

export type TSecretKind =
  | "otp-code"
  | "password"
  | "session-token"
  | "api-key"
  | "internal-api-key"
  | "auth-secret"
  | "license-signing-key"
  | "callback-token"
  | "webhook-secret"
  | "install-code"
  | "appliance-credential"
  | "jwt"
  | "bearer-token";

function dir(): string | undefined {
  // Tooling, like VITEST_JSON_REPORT: read before (and apart from) the app's configuration.
  return process.env.EMBARK_LOG_CAPTURE_DIR || undefined;
}

function append(file: string, text: string): void {
  const target = dir();
  if (!target) return;
  mkdirSync(target, { recursive: true });
  appendFileSync(path.join(target, file), text);
}

/** Names a secret the tests created or read, so the scan looks for this exact value. */
export function registerSecret(kind: TSecretKind, value: string | null | undefined): void {
  if (!value || !dir()) return;
  append(SECRETS_FILE, `${JSON.stringify({ kind, value })}\n`);
}

/** Response and request fields that carry a secret, by name. */
const SECRET_FIELDS: Record<string, TSecretKind> = {
  secret: "webhook-secret",
  api_key: "api-key",
  apiKey: "api-key",
  callback_token: "callback-token",
  callbackToken: "callback-token",
  install_code: "install-code",
  installCode: "install-code",
  appliance_credential: "appliance-credential",
  applianceCredential: "appliance-credential",
  first_jwt: "jwt",
  jwt: "jwt",
  licence: "jwt",
  token: "session-token",
  password: "password",
  newPassword: "password",
  currentPassword: "password",
  otp: "otp-code",
};

/** The kind of a secret-shaped string, by its prefix. */
function kindByShape(value: string): TSecretKind | undefined {
  if (/^emb_[A-Za-z0-9_-]{8,}$/.test(value)) return "api-key";
  if (/^pjt_[A-Za-z0-9_-]{8,}$/.test(value)) return "callback-token";
  if (/^apc_[A-Za-z0-9_.-]{8,}$/.test(value)) return "appliance-credential";
  if (/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value)) return "jwt";
  return undefined;
}

/**
 * Names every secret inside a JSON value a test sent or received: fields named
 * like secrets (`secret`, `callback_token`, `install_code`, `password`, ...)
 * and strings shaped like Embark keys, callback tokens, appliance credentials
 * or JWTs anywhere.
 */
export function registerSecretsIn(value: unknown, depth = 0): void {
  if (!dir() || depth > 8 || value === null || typeof value !== "object") return;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === "string") {
      // Own keys only: a body may carry `__proto__` or `constructor` as a field name.
      const kind = kindByShape(v) ?? (Object.hasOwn(SECRET_FIELDS, key) ? SECRET_FIELDS[key] : undefined);
      if (kind) registerSecret(kind, v);
    } else {
      registerSecretsIn(v, depth + 1);
    }
  }
}

/** Names the secrets in a raw JSON body (anything else is left alone). */
export function registerSecretsInBody(body: Uint8Array | string | undefined): void {
  if (!body || !dir()) return;
  try {
    registerSecretsIn(JSON.parse(typeof body === "string" ? body : Buffer.from(body).toString("utf8")));
  } catch {
    // not JSON
  }
}

/** Names the bearer token of an Authorization header and the session token of a cookie or Set-Cookie. */
export function registerSecretsInHeaders(headers: Headers): void {
  if (!dir()) return;
  const bearer = /^Bearer\s+(\S+)/i.exec(headers.get("authorization") ?? "");
  if (bearer) registerSecret(kindByShape(bearer[1]!) ?? "bearer-token", bearer[1]);
  const cookies = [headers.get("cookie") ?? "", ...headers.getSetCookie()].join("; ");
  for (const m of cookies.matchAll(/session_token=([^;\s]+)/g)) {
    const signed = decodeURIComponent(m[1]!);
    registerSecret("session-token", signed);
    registerSecret("session-token", signed.split(".")[0]);
  }
}

let counter = 0;

/** Copies text a child process printed into the capture folder, under `name`. */
export function captureChildOutput(name: string, ...texts: (string | undefined)[]): void {
  const body = texts.filter(Boolean).join("\n");
  if (!body) return;
  counter += 1;
  append(`child-${process.pid}-${counter}-${name.replace(/[^A-Za-z0-9_.-]+/g, "_")}.log`, body.endsWith("\n") ? body : `${body}\n`);
}

/** Copies a child process's stream into the capture folder as it prints (the stream is still readable by others). */
export function captureChildStream(name: string, stream: Readable | null | undefined): void {
  if (!stream || !dir()) return;
  counter += 1;
  const file = `child-${process.pid}-${counter}-${name.replace(/[^A-Za-z0-9_.-]+/g, "_")}.log`;
  stream.on("data", (chunk: Buffer | string) => append(file, chunk.toString()));
}

/** For a `.then()` after running a command: copies its stdout and stderr into the capture folder and passes the result on. */
export function captured(name: string): <T extends { stdout?: string; stderr?: string }>(result: T) => T {
  return (result) => {
    captureChildOutput(name, result.stdout, result.stderr);
    return result;
  };
}
