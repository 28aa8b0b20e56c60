import { readdirSync, readFileSync, statSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";

const SKIP = new Set(["node_modules", ".next", ".git", "generated"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (SKIP.has(name)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/** Inputs whose change makes a production build stale. */
export const BUILD_INPUTS = ["src", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

/** Where a build notes the NEXT_PUBLIC_* values Next wrote into its browser code. */
const PUBLIC_ENV_STAMP = path.join(".next", "embark-public-env.json");

/** The NEXT_PUBLIC_* variables of an environment (unset and empty alike left out), as a stable string. */
function publicEnvOf(env: Record<string, string | undefined>): string {
  const entries = Object.entries(env)
    .filter(([k, v]) => k.startsWith("NEXT_PUBLIC_") && v)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}

/** Records the NEXT_PUBLIC_* values a finished build used. */
export function writePublicEnvStamp(root: string, env: Record<string, string | undefined>): void {
  writeFileSync(path.join(root, PUBLIC_ENV_STAMP), publicEnvOf(env));
}

/**
 * Why the build in `.next` must be (re)made, or null when it is current:
 * no build, a source newer than it, or NEXT_PUBLIC_* values (fixed into the
 * browser code at build time) other than the ones it was built with.
 */
export function staleBuildReason(root: string, env: Record<string, string | undefined> = {}): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const built = statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((p) => newestMtime(path.join(root, p)) > built);
  if (changed) return `${changed} changed since the last build`;
  const stamp = path.join(root, PUBLIC_ENV_STAMP);
  const builtWith = existsSync(stamp) ? readFileSync(stamp, "utf8") : "{}";
  return builtWith === publicEnvOf(env) ? null : "NEXT_PUBLIC_* settings differ from the last build";
}
