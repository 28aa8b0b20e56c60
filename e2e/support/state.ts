import { readFileSync } from "node:fs";
import { E2E_STATE_FILE } from "./config";

/** What global setup recorded for the tests: the server's secrets. */
export function e2eState(): { INTERNAL_API_KEY: string; AUTH_SECRET: string; databaseUrl: string } {
  return JSON.parse(readFileSync(E2E_STATE_FILE, "utf8"));
}
