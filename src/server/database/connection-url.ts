/** Builds a postgres:// URL for a local cluster. */
export function postgresUrl(opts: { user: string; password: string; host: string; port: number; database: string }): string {
  const url = new URL("postgresql://localhost");
  url.username = encodeURIComponent(opts.user);
  url.password = encodeURIComponent(opts.password);
  url.hostname = opts.host;
  url.port = String(opts.port);
  url.pathname = `/${encodeURIComponent(opts.database)}`;
  return url.toString();
}

/** The same server and credentials, another database. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The database a URL points at. */
export function databaseName(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
}

/**
 * Connection fields, separately. pg lets `connectionString` win over a
 * `database` field, so code that derives a connection to another database
 * (the migration shadow database) needs the parts.
 */
export function connectionFields(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(url.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: databaseName(databaseUrl) || "postgres",
    ...(sslmode && sslmode !== "disable" ? { ssl: sslmode === "no-verify" ? { rejectUnauthorized: false } : true } : {}),
  };
}

/** A quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
