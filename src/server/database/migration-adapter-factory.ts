import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { connectionFields, quoteIdent } from "./connection-url";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** The adapter's internals we adjust; not part of its typed surface. */
type TPgQueryable = {
  performIO(query: SqlQuery): Promise<pg.QueryArrayResult>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
  onError(error: unknown): never;
  underlyingDriver(): pg.Pool;
};

/**
 * Postgres' internal `char` type (oid 18) is unknown to @prisma/adapter-pg,
 * yet the schema engine reads such columns (pg_constraint.contype, ...) when
 * it describes a database. Read them as text and report them to the engine
 * as the adapter's Character type.
 */
function readCharColumns<T extends object>(queryable: T): T {
  const q = queryable as unknown as TPgQueryable;
  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length) charColumns.set(query, indexes);
    return result;
  };
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function adjust(adapter: SqlDriverAdapter): SqlDriverAdapter {
  readCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolation) => readCharColumns<Transaction>(await startTransaction(isolation));
  // The adapter splits scripts on ";", which breaks on a semicolon inside a
  // string or function body and applies a migration statement by statement.
  // One simple-protocol query runs the whole script in one implicit
  // transaction, as the native engine does.
  adapter.executeScript = async (script) => {
    const pgAdapter = adapter as unknown as TPgQueryable;
    try {
      await pgAdapter.underlyingDriver().query(script);
    } catch (error) {
      pgAdapter.onError(error);
    }
  };
  return adapter;
}

/**
 * Driver adapter factory for the wasm schema engine. It tracks every pool it
 * opens so `disposeAll` can close them (the engine keeps its own open), and
 * gives the shadow database explicit connection fields, since pg lets a
 * connectionString override `database`.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<() => Promise<void>>();
  private readonly fields: ReturnType<typeof connectionFields>;

  constructor(databaseUrl: string) {
    this.fields = connectionFields(databaseUrl);
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await this.openAdapter(this.fields.database));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = await this.openAdapter(this.fields.database);
    await admin.executeScript(`CREATE DATABASE ${quoteIdent(name)}`);
    const shadow = await this.openAdapter(name);
    const closeShadow = shadow.dispose.bind(shadow);
    // Close the shadow pool first, then drop: the adapter's own cleanup drops
    // first and fails on its still-open connections, leaving the database behind.
    shadow.dispose = async () => {
      await closeShadow();
      await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => undefined);
      await admin.dispose();
    };
    return this.track(shadow);
  }

  /** Closes every pool still open. */
  async disposeAll(): Promise<void> {
    const pending = [...this.open];
    this.open.clear();
    await Promise.allSettled(pending.map((dispose) => dispose()));
  }

  private async openAdapter(database: string): Promise<SqlDriverAdapter> {
    return adjust(await new PrismaPg({ ...this.fields, database, max: 4 }).connect());
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    let disposed: Promise<void> | undefined;
    const dispose = adapter.dispose.bind(adapter);
    const once = () => (disposed ??= dispose().finally(() => this.open.delete(once)));
    adapter.dispose = once;
    this.open.add(once);
    return adapter;
  }
}
