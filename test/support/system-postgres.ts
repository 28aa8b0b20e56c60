import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { TPostgresBinaries } from "../../src/server/database/postgres-binaries";

const DEBIAN_POSTGRES = "/usr/lib/postgresql";

/**
 * The newest Postgres server installed from Debian's packages
 * (`/usr/lib/postgresql/<version>/bin`), the build a deployment on Debian
 * runs, rather than the embedded one the app falls back to. Throws, naming
 * the package to install, when there is none.
 */
export function debianPostgresBinaries(): TPostgresBinaries & { version: number } {
  const versions = (existsSync(DEBIAN_POSTGRES) ? readdirSync(DEBIAN_POSTGRES) : [])
    .filter((v) => /^\d+$/.test(v))
    .map(Number)
    .filter((v) => existsSync(path.join(DEBIAN_POSTGRES, String(v), "bin", "postgres")))
    .sort((a, b) => b - a);
  const version = versions[0];
  if (version === undefined) {
    throw new Error(`No Postgres server under ${DEBIAN_POSTGRES}/<version>/bin: install Debian's \`postgresql\` package (apt-get install postgresql)`);
  }
  const bin = path.join(DEBIAN_POSTGRES, String(version), "bin");
  return { version, initdb: path.join(bin, "initdb"), postgres: path.join(bin, "postgres") };
}
