import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ensureLockfile, readMigrationsList, writeMigration } from "./migrations-dir";
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, NO_EXTERNAL } from "./paths";
import { withSchemaEngine } from "./schema-engine";
import { withTemporaryPostgres } from "./temporary-postgres";

/** A migration name: words joined by underscores, as it becomes part of a directory name. */
export const ZMigrationName = z
  .string()
  .trim()
  .transform((s) => s.toLowerCase().replace(/[\s-]+/g, "_"))
  .pipe(
    z
      .string()
      .min(1, "a migration needs a name")
      .max(100, "keep the name under 100 characters")
      .regex(/^[a-z0-9_]+$/, "use letters, digits and underscores only"),
  );

export type TCreateMigrationOptions = {
  name: string;
  /** Server for the engine's scratch (shadow) database; a temporary local one when unset. */
  databaseUrl?: string;
  schemaPath?: string;
  migrationsDir?: string;
  now?: Date;
};

/**
 * Writes the next migration: the SQL that takes a database from the existing
 * migrations to schema.prisma. Returns its directory, or null when the schema
 * needs no change.
 */
export async function createMigration(opts: TCreateMigrationOptions): Promise<{ path: string | null }> {
  const name = ZMigrationName.parse(opts.name);
  const schemaPath = path.resolve(opts.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const migrationsDir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  await ensureLockfile(migrationsDir);
  const [content, migrationsList] = await Promise.all([readFile(schemaPath, "utf8"), readMigrationsList(migrationsDir)]);
  const diff = async (databaseUrl: string) =>
    withSchemaEngine({ databaseUrl, schema: { path: schemaPath, content } }, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
        script: true,
        exitCode: true,
        filters: NO_EXTERNAL,
      }),
    );
  const result = opts.databaseUrl ? await diff(opts.databaseUrl) : await withTemporaryPostgres(diff);
  // Exit code 2 means "there is a difference"; 0 means none.
  if (result.exitCode !== 2 || !result.stdout?.trim()) return { path: null };
  const dir = await writeMigration({ migrationsDir, name, sql: result.stdout, now: opts.now });
  return { path: dir };
}
