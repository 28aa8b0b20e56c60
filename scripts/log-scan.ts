import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SECRETS_FILE } from "../test/support/log-capture";

/**
 * Searches captured log files for secrets: the exact values the tests named
 * in `secrets.jsonl` (one `{ kind, value }` per line) and secret-shaped text
 * (JWTs, Embark keys, callback tokens, appliance credentials, bearer tokens).
 * A finding says where and what kind, never the value.
 *
 *   npx tsx scripts/log-scan.ts <capture dir> [more log files...]
 */

export type TFinding = { file: string; line: number; kind: string };

/** Registered values shorter than this are too common to mean anything (and none of ours is). */
const MIN_SECRET_LENGTH = 6;

/** Secret-shaped text that is never fine in a log, whoever made it. */
export const SECRET_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: "jwt", pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/ },
  { kind: "api-key", pattern: /\bemb_[A-Za-z0-9_-]{20,}/ },
  { kind: "callback-token", pattern: /\bpjt_[A-Za-z0-9_-]{20,}/ },
  { kind: "appliance-credential", pattern: /\bapc_[A-Za-z0-9_.-]{20,}/ },
  // A token has a digit somewhere: "Bearer authentication" in prose is not one.
  { kind: "bearer-token", pattern: /\bBearer\s+(?=[A-Za-z._~+/-]*\d)[A-Za-z0-9._~+/=-]{12,}/i },
];

/** The characters a token is made of: a registered value is looked up among the line's runs of them. */
const TOKEN_RUN = /[A-Za-z0-9_-]+/g;
const TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;

export type TSecretIndex = {
  /** Values made of token characters only, matched against whole runs in a line. */
  runs: Map<string, string>;
  /** Other values (with dots, spaces, ...), matched as substrings. */
  others: { kind: string; value: string }[];
};

/** Reads `secrets.jsonl` records into lookup structures (later lines of a value keep the first kind). */
export function indexSecrets(records: readonly { kind: string; value: string }[]): TSecretIndex {
  const runs = new Map<string, string>();
  const others = new Map<string, string>();
  for (const { kind, value } of records) {
    if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) continue;
    if (TOKEN_CHARS.test(value)) {
      if (!runs.has(value)) runs.set(value, kind);
    } else if (!others.has(value)) {
      others.set(value, kind);
    }
  }
  return { runs, others: [...others].map(([value, kind]) => ({ kind, value })) };
}

/** A number written as a JSON value (`"ms":123456,`): a duration or count, not a one-time code. */
function isJsonNumber(line: string, start: number, end: number): boolean {
  return line[start - 1] === ":" && line[start - 2] === '"' && (line[end] === "," || line[end] === "}" || end === line.length);
}

/** The kinds of secret in one line, each once. */
export function scanLine(line: string, index: TSecretIndex): string[] {
  const kinds = new Set<string>();
  for (const { kind, pattern } of SECRET_PATTERNS) if (pattern.test(line)) kinds.add(kind);
  if (index.runs.size) {
    for (const m of line.matchAll(TOKEN_RUN)) {
      const kind = index.runs.get(m[0]);
      if (kind && !(/^\d+$/.test(m[0]) && isJsonNumber(line, m.index, m.index + m[0].length))) kinds.add(kind);
    }
  }
  for (const { kind, value } of index.others) if (line.includes(value)) kinds.add(kind);
  return [...kinds];
}

/** Every finding in `files`. */
export function scanFiles(files: readonly string[], index: TSecretIndex): TFinding[] {
  const findings: TFinding[] = [];
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((line, i) => {
      for (const kind of scanLine(line, index)) findings.push({ file, line: i + 1, kind });
    });
  }
  return findings;
}

/** The registered secrets of a capture folder. */
export function readRegisteredSecrets(dir: string): { kind: string; value: string }[] {
  const file = path.join(dir, SECRETS_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as { kind: string; value: string }];
      } catch {
        return [];
      }
    });
}

/** The captured log files of a folder (recursively), without the registry itself. */
export function capturedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => path.basename(f) !== SECRETS_FILE && statSync(f).isFile());
}

/** Scans a capture folder and extra log files against the folder's registered secrets. */
export function scanCapture(dir: string, extraFiles: readonly string[] = []): { files: number; secrets: number; findings: TFinding[] } {
  const index = indexSecrets(readRegisteredSecrets(dir));
  const files = [...capturedFiles(dir), ...extraFiles.filter((f) => existsSync(f))];
  return { files: files.length, secrets: index.runs.size + index.others.length, findings: scanFiles(files, index) };
}

/** Lines for a person: where, and what kind — never the value. */
export function describeFindings(findings: readonly TFinding[], root: string): string[] {
  return findings.map((f) => `secret in log: ${path.relative(root, f.file)}:${f.line} (${f.kind})`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const [dir, ...extra] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: tsx scripts/log-scan.ts <capture dir> [log files...]\n");
    process.exit(2);
  }
  const result = scanCapture(dir, extra);
  for (const l of describeFindings(result.findings, process.cwd())) process.stdout.write(`${l}\n`);
  process.stdout.write(`${result.files} log files, ${result.secrets} registered secrets, ${result.findings.length} findings\n`);
  process.exit(result.findings.length ? 1 : 0);
}
