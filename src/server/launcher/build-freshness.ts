import { readdirSync, statSync, existsSync } from "node:fs";
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

/** Why the build in `.next` must be (re)made, or null when it is current. */
export function staleBuildReason(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build yet";
  const built = statSync(buildId).mtimeMs;
  const changed = BUILD_INPUTS.find((p) => newestMtime(path.join(root, p)) > built);
  return changed ? `${changed} changed since the last build` : null;
}
