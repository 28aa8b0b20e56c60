import pg from "pg";
import { readMigrationsList } from "./migrations-dir";
import { DEFAULT_MIGRATIONS_DIR, NO_EXTERNAL } from "./paths";
import { withSchemaEngine } from "./schema-engine";

/** Arbitrary constant shared by every Embark process that migrates. */
const MIGRATE_LOCK_KEY = 7_207_369_001;

export type TApplyMigrationsOptions = {
  databaseUrl: string;
  /** Default: prisma/migrations. */
  migrationsDir?: string;
};

/**
 * Applies the migrations not yet recorded in `_prisma_migrations` (what
 * `prisma migrate deploy` does) and returns their names. Replicas starting
 * together take turns through an advisory lock.
 */
export async function applyMigrations(opts: TApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const lock = new pg.Client({ connectionString: opts.databaseUrl });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
    const result = await withSchemaEngine({ databaseUrl: opts.databaseUrl }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL }),
    );
    return { applied: result.appliedMigrationNames };
  } finally {
    // Ending the session releases the advisory lock too.
    await lock.end();
  }
}
