/**
 * Creates an operator account and prints its generated password once:
 *
 *   npm run ops:create-admin -- --email a@b.c --name "A B" [--role admin|operator|viewer]
 *
 * Uses DATABASE_URL, or outside production the embedded Postgres under the
 * data dir (attaching to it when Embark is already running, migrating it first).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { EnvError, parseBaseEnv, rawEnv } from "../src/env";
import { Prisma } from "../src/generated/prisma/client";
import { createDb } from "../src/server/db";
import { isAppError } from "../src/server/errors";
import { createOperator } from "../src/server/services/operators/create-operator";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = 'usage: npm run ops:create-admin -- --email a@b.c --name "A B" [--role admin|operator|viewer]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string", default: "admin" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!values.email || !values.name) fail(`--email and --name are required\n${USAGE}`);
    return { email: values.email, name: values.name, role: values.role! };
  } catch (e) {
    fail(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
}

async function databaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  let base;
  try {
    base = parseBaseEnv(rawEnv());
  } catch (e) {
    fail(e instanceof EnvError ? e.message : String(e));
  }
  if (base.DATABASE_URL) return { url: base.DATABASE_URL, stop: async () => undefined };
  if (base.NODE_ENV === "production") fail("DATABASE_URL is required in production");
  const { startEmbeddedPostgres } = await import("../src/server/database/embedded");
  const pg = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(root, base.EMBARK_DATA_DIR), "pg") });
  try {
    // The local database is ours to bring up to date, as `npm run dev` would.
    const { applyMigrations } = await import("../src/server/database/migrate");
    await applyMigrations({ databaseUrl: pg.url });
  } catch (e) {
    await pg.stop();
    throw e;
  }
  return { url: pg.url, stop: pg.stop };
}

function explain(e: unknown): string | null {
  if (isAppError(e)) return `cannot create the operator: ${e.message}`;
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2021") {
    return "the database has no tables yet: run `npm run db:migrate` (or start Embark once) first";
  }
  return null;
}

async function main(): Promise<void> {
  const args = readArgs();
  nextEnv.loadEnvConfig(root, false, { info: () => undefined, error: console.error });
  const { url, stop } = await databaseUrl();
  const db = createDb(url, { max: 2 });
  let problem: unknown;
  try {
    const op = await createOperator({ ...args, role: args.role as "admin", db });
    process.stdout.write(`created ${op.role} ${op.email}\n`);
    process.stdout.write(`password (shown once, store it now): ${op.generatedPassword}\n`);
  } catch (e) {
    problem = e;
  } finally {
    await db.$disconnect();
    await stop();
  }
  if (problem !== undefined) {
    const message = explain(problem);
    if (message) fail(message);
    throw problem;
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
