import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DiagnoseMigrationHistoryOutput, MigrationList } from "@prisma/schema-engine-wasm";
import { readMigrationsList } from "./migrations-dir";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, NO_EXTERNAL } from "./paths";
import { withSchemaEngine } from "./schema-engine";
import { withTemporaryPostgres } from "./temporary-postgres";

export type TCheckDriftOptions = {
  /** When given, also check this database's migration history and schema. */
  databaseUrl?: string;
  schemaPath?: string;
  migrationsDir?: string;
};

/**
 * Proves schema.prisma and the migrations agree (a schema change without its
 * migration fails), and, given a database, that it has every migration
 * applied, none failed or edited since, and no hand-made schema changes.
 */
export async function checkDrift(opts: TCheckDriftOptions = {}): Promise<{ ok: boolean; problems: string[] }> {
  const schemaPath = path.resolve(opts.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const migrationsDir = path.resolve(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const [content, migrationsList] = await Promise.all([readFile(schemaPath, "utf8"), readMigrationsList(migrationsDir)]);
  const schema = { path: schemaPath, content };
  const problems = listFileProblems(migrationsList);
  if (problems.length) return { ok: false, problems };

  problems.push(...(await checkSchemaAgainstMigrations({ migrationsList, schema })));

  if (opts.databaseUrl) {
    problems.push(...(await checkDatabase({ databaseUrl: opts.databaseUrl, migrationsList, schema })));
  }
  return { ok: problems.length === 0, problems };
}

async function checkSchemaAgainstMigrations(opts: {
  migrationsList: MigrationList;
  schema: { path: string; content: string };
}): Promise<string[]> {
  const { migrationsList, schema } = opts;
  // Replaying the migrations needs a scratch database; use a local server so
  // checking never creates databases on a real one.
  return withTemporaryPostgres(async (scratchUrl) => {
    try {
      const pending = await withSchemaEngine({ databaseUrl: scratchUrl, schema }, (engine) =>
        engine.diff({
          from: { tag: "migrations", ...migrationsList },
          to: { tag: "schemaDatamodel", files: [schema] },
          script: false,
          exitCode: true,
          filters: NO_EXTERNAL,
        }),
      );
      if (pending.exitCode !== 2) return [];
      const name = path.basename(schema.path);
      return [`${name} has changes that no migration makes (run \`npm run db:new <name>\`):${indent(pending.stdout)}`];
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return [`the migrations do not apply to an empty database: ${firstParagraph(message)}`];
    }
  });
}

function listFileProblems(list: MigrationList): string[] {
  const problems: string[] = [];
  if (list.migrationDirectories.length === 0) problems.push(`${list.baseDir} has no migrations`);
  else if (!list.lockfile.content) problems.push(`${list.baseDir}/migration_lock.toml is missing`);
  else if (!/provider\s*=\s*"postgresql"/.test(list.lockfile.content)) {
    problems.push(`${list.baseDir}/migration_lock.toml is not for provider "postgresql"`);
  }
  for (const dir of list.migrationDirectories) {
    if (dir.migrationFile.content.tag === "error") problems.push(dir.migrationFile.content.value);
  }
  return problems;
}

async function checkDatabase(opts: {
  databaseUrl: string;
  migrationsList: MigrationList;
  schema: { path: string; content: string };
}): Promise<string[]> {
  return withSchemaEngine({ databaseUrl: opts.databaseUrl, schema: opts.schema }, async (engine) => {
    const history = await engine.diagnoseMigrationHistory({
      migrationsList: opts.migrationsList,
      optInToShadowDatabase: false,
      filters: NO_EXTERNAL,
    });
    const problems = describeHistory(history);
    if (problems.length) return problems;
    // With the history in order, any remaining difference was made by hand.
    const live = await engine.diff({
      from: { tag: "schemaDatasource", files: [opts.schema], configDir: path.dirname(opts.schema.path) },
      to: { tag: "schemaDatamodel", files: [opts.schema] },
      script: false,
      exitCode: true,
      filters: NO_EXTERNAL,
    });
    return live.exitCode === 2 ? [`the database schema differs from its migrations:${indent(live.stdout)}`] : [];
  });
}

/** Turns the engine's history diagnosis into sentences. */
export function describeHistory(history: DiagnoseMigrationHistoryOutput): string[] {
  const problems: string[] = [];
  if (!history.hasMigrationsTable) problems.push("the database has no _prisma_migrations table (run `npm run db:migrate`)");
  for (const name of history.failedMigrationNames) problems.push(`migration ${name} failed in the database`);
  for (const name of history.editedMigrationNames) problems.push(`migration ${name} was edited after it was applied`);
  const h = history.history;
  if (h?.diagnostic === "databaseIsBehind" && history.hasMigrationsTable) {
    problems.push(`the database lacks ${h.unappliedMigrationNames.length} migration(s): ${h.unappliedMigrationNames.join(", ")}`);
  } else if (h?.diagnostic === "migrationsDirectoryIsBehind") {
    problems.push(`the database has migrations not in the directory: ${h.unpersistedMigrationNames.join(", ")}`);
  } else if (h?.diagnostic === "historiesDiverge") {
    problems.push(
      `the database and the directory diverge after ${h.lastCommonMigrationName ?? "the start"}: ` +
        `only in the database: ${h.unpersistedMigrationNames.join(", ") || "none"}; ` +
        `only in the directory: ${h.unappliedMigrationNames.join(", ") || "none"}`,
    );
  }
  return problems;
}

/** The engine appends a Rust span trace to messages; keep the human part. */
function firstParagraph(message: string): string {
  return message.split(/\n\s+0: /)[0]!.trim();
}

function indent(text: string | null): string {
  const body = (text ?? "").trim();
  return body ? `\n${body.replace(/^/gm, "  ")}` : "";
}
