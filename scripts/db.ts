/**
 * Database tooling, needing no configuration:
 *
 *   npm run db:migrate        apply pending migrations (DATABASE_URL, else the
 *                             embedded Postgres under EMBARK_DATA_DIR, as the app uses)
 *   npm run db:new -- <name>  write the migration schema.prisma needs (none if it needs none)
 *   npm run db:check          fail when schema.prisma and the migrations disagree, or,
 *                             with DATABASE_URL, when that database is behind or drifted
 *   npm run db:generate       generate the Prisma client (offline)
 *
 * Every command exits explicitly: the schema engine leaves work on the event loop.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { EnvError, parseBaseEnv, rawEnv } from "../src/env";
import { ZMigrationName } from "../src/server/database/migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (msg: string) => process.stdout.write(`[db] ${msg}\n`);

const ZCommand = z.discriminatedUnion("command", [
  z.object({ command: z.literal("migrate") }),
  z.object({ command: z.literal("new"), name: ZMigrationName }),
  z.object({ command: z.literal("check") }),
  z.object({ command: z.literal("generate") }),
]);
type TCommand = z.infer<typeof ZCommand>;

const USAGE = "usage: tsx scripts/db.ts migrate | new <name> | check | generate";

function parseArgs(argv: string[]): TCommand {
  const parsed = ZCommand.safeParse({ command: argv[0], name: argv.slice(1).join("_") || undefined });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const detail = issue?.path[0] === "name" ? `migration name: ${issue.message}` : `unknown command "${argv[0] ?? ""}"`;
  throw new UsageError(`${detail}\n${USAGE}`);
}

class UsageError extends Error {}

async function migrate(): Promise<void> {
  const base = parseBaseEnv(rawEnv());
  const { applyMigrations } = await import("../src/server/database/migrate");
  let databaseUrl = base.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!databaseUrl) {
    const { startEmbeddedPostgres } = await import("../src/server/database/embedded");
    const dataDir = path.join(path.resolve(root, base.EMBARK_DATA_DIR), "pg");
    const server = await startEmbeddedPostgres({ dataDir });
    databaseUrl = server.url;
    stop = server.stop;
    say(`embedded Postgres under ${path.relative(root, dataDir) || dataDir}${server.attached ? " (already running)" : ""}`);
  }
  try {
    const { applied } = await applyMigrations({ databaseUrl });
    say(applied.length ? `applied ${applied.join(", ")}` : "database schema is up to date");
  } finally {
    await stop();
  }
}

async function createNew(name: string): Promise<void> {
  const { createMigration } = await import("../src/server/database/migrate");
  const { path: dir } = await createMigration({ name });
  say(dir ? `wrote ${path.relative(root, dir)}/migration.sql` : "schema.prisma needs no new migration");
}

async function check(): Promise<boolean> {
  const base = parseBaseEnv(rawEnv());
  const { checkDrift } = await import("../src/server/database/migrate");
  const { ok, problems } = await checkDrift({ databaseUrl: base.DATABASE_URL });
  const scope = base.DATABASE_URL ? "schema, migrations and database agree" : "schema and migrations agree";
  if (ok) say(scope);
  for (const problem of problems) process.stderr.write(`[db] ${problem}\n`);
  return ok;
}

function generate(): Promise<boolean> {
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  // Any existing file as the engine path stops generate from downloading an
  // engine it does not use; CHECKPOINT_DISABLE stops its update check.
  const env: Record<string, string | undefined> = { ...rawEnv(), PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", CHECKPOINT_DISABLE: "1" };
  const child = spawn(process.execPath, [cli, "generate"], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: "inherit" });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code === 0)));
}

async function main(): Promise<number> {
  const cmd = parseArgs(process.argv.slice(2));
  switch (cmd.command) {
    case "migrate":
      await migrate();
      return 0;
    case "new":
      await createNew(cmd.name);
      return 0;
    case "check":
      return (await check()) ? 0 : 1;
    case "generate":
      return (await generate()) ? 0 : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof EnvError) process.stderr.write(`[db] ${error.message}\n`);
    else process.stderr.write(`[db] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
