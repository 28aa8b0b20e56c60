import { randomBytes } from "node:crypto";
import pg from "pg";
import { quoteIdent, withDatabase } from "../../src/server/database/connection-url";

/** Runs `fn` with a short-lived connection to the maintenance database. */
export async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops a database even while something is still connected to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * (Re)creates `name` as a copy of `template`, or empty when no template is
 * given. Returns its URL.
 */
export async function createDatabase(opts: { adminUrl: string; name: string; template?: string }): Promise<string> {
  await withAdmin(opts.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(opts.name)} WITH (FORCE)`);
    const from = opts.template ? ` TEMPLATE ${quoteIdent(opts.template)}` : " TEMPLATE template0";
    await c.query(`CREATE DATABASE ${quoteIdent(opts.name)}${from}`);
  });
  return withDatabase(opts.adminUrl, opts.name);
}

/** Drops every database whose name starts with `prefix`. */
export async function dropDatabasesWithPrefix(adminUrl: string, prefix: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND NOT datistemplate",
      [prefix],
    );
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
  });
}

/** A name unlikely to collide: `<prefix>_<8 hex>`. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}
