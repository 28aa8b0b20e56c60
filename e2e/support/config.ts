import { existsSync } from "node:fs";
import path from "node:path";

/** Where the browser tests serve Embark. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3123);
export const E2E_DATA_DIR = path.resolve(".test-data", "e2e");
export const E2E_STATE_FILE = path.join(E2E_DATA_DIR, "state.json");

export const E2E_ADMIN = { email: "admin@e2e.embark.localhost", name: "Ada Admin", password: "e2e-admin-password-7Qm4" };
export const E2E_VIEWER = { email: "viewer@e2e.embark.localhost", name: "Vic Viewer", password: "e2e-viewer-password-3Kp9" };

/**
 * Debian's Chromium (`apt-get install chromium`), or CHROMIUM_PATH. The browser
 * tests never skip: without a browser they fail with this instruction.
 */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(p)) {
    throw new Error(
      `Chromium not found at ${p}. The browser tests need it: install Debian's package ` +
        "(sudo apt-get update && sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return p;
}
