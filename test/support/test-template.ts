import { createHash } from "node:crypto";
import { readMigrationsList } from "../../src/server/database/migrations-dir";
import { applyMigrations } from "../../src/server/database/migrate";
import { quoteIdent } from "../../src/server/database/connection-url";
import { createDatabase, dropDatabase, uniqueDatabaseName, withAdmin } from "./test-databases";

/** The schema pg-boss runs in (BOSS_SCHEMA in src/jobs/boss.ts; a test checks they agree). */
export const TEST_BOSS_SCHEMA = "pgboss";
const TEMPLATE_PREFIX = "embark_template_";

/**
 * Returns the name of a template database holding every migration and the
 * pg-boss schema, building it only when the migrations or pg-boss changed
 * (the name carries a hash of both). Templates never accept connections, so
 * cloning them cannot fail on a lingering session.
 */
export async function prepareTemplate(opts: { adminUrl: string; dropStale: boolean }): Promise<string> {
  const { getConstructionPlans } = await import("pg-boss");
  const bossSql = getConstructionPlans(TEST_BOSS_SCHEMA);
  const migrations = await readMigrationsList((await import("../../src/server/database/paths")).DEFAULT_MIGRATIONS_DIR);
  const hash = createHash("sha256");
  for (const m of migrations.migrationDirectories) {
    hash.update(m.path).update("\0").update(m.migrationFile.content.value).update("\0");
  }
  hash.update(bossSql);
  const name = `${TEMPLATE_PREFIX}${hash.digest("hex").slice(0, 16)}`;

  if (opts.dropStale) await dropOtherTemplates(opts.adminUrl, name);
  const exists = await withAdmin(opts.adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate", [name]);
    return rowCount === 1;
  });
  if (exists) return name;

  // Build under a temporary name and rename at the end, so a run killed
  // halfway never leaves a half-built template under the real name.
  const build = uniqueDatabaseName(`${name}_build`);
  const buildUrl = await createDatabase({ adminUrl: opts.adminUrl, name: build });
  try {
    await applyMigrations({ databaseUrl: buildUrl });
    await withAdmin(buildUrl, (c) => c.query(bossSql));
    await withAdmin(opts.adminUrl, async (c) => {
      try {
        await c.query(`ALTER DATABASE ${quoteIdent(build)} RENAME TO ${quoteIdent(name)}`);
      } catch (error) {
        // A concurrent run on a shared server built it first: use theirs.
        if ((error as { code?: string }).code === "42P04") return;
        throw error;
      }
      await c.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    });
  } finally {
    await dropDatabase(opts.adminUrl, build);
  }
  return name;
}

async function dropOtherTemplates(adminUrl: string, keep: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2",
      [TEMPLATE_PREFIX, keep],
    );
    for (const { datname } of rows) {
      await c.query(`ALTER DATABASE ${quoteIdent(datname)} WITH IS_TEMPLATE false`);
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  });
}
