// Opening a chronicle store: SQLite (embedded default) or PostgreSQL, migrated to the latest schema.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  Kysely,
  Migrator,
  PostgresDialect,
  type PostgresDialectConfig,
  type SchemaMetadata,
  SqliteDialect,
  sql,
  type TableMetadata,
} from 'kysely';
import pg from 'pg';
import { type Database, type Dialect, MIGRATION_NAMES, migrationProvider } from './schema.ts';

export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /** The URL or path it was opened with (password removed). */
  readonly url: string;
  /** PostgreSQL schema holding the tables (null for SQLite / the default search_path). */
  readonly schema: string | null;
  /** The better-sqlite3 handle (SQLite only), for bulk work such as benchmarks. */
  readonly sqlite: SqliteDatabase.Database | null;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** PostgreSQL schema to use (created when missing). Also `?schema=NAME` in the URL. */
  schema?: string;
  /** Run migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL: connections in the pool (default 4; a worker wants one per job it runs at once). */
  poolSize?: number;
  /**
   * Open for reading only (the commands that read: events, search, export, serve …): the store must
   * exist and be up to date; it is never created or migrated, and a SQLite file is opened read-only,
   * so a shared file or a read-only mount can be read.
   */
  readonly?: boolean;
}

export const DEFAULT_DB = './kronik.db';

export function defaultDbUrl(): string {
  return process.env.KRONIK_DB || DEFAULT_DB;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Opens (and migrates) the store at `url`: default `$KRONIK_DB` or `./kronik.db`;
 * `postgres://` or `postgresql://` → PostgreSQL; anything else is a SQLite file path
 * (`sqlite:` / `file:` prefixes accepted, `:memory:` for a throw-away store).
 */
export async function openStore(url?: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const target = url || defaultDbUrl();
  const store = isPostgresUrl(target) ? openPostgres(target, opts) : openSqlite(target, Boolean(opts.readonly));
  try {
    if (store.dialect === 'postgres') await checkConnection(store);
    if (opts.readonly) await checkUpToDate(store);
    else if (opts.migrate !== false) await migrateStore(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/** A PostgreSQL server that cannot be reached is named, with the reason. */
async function checkConnection(store: Store): Promise<void> {
  try {
    await sql`SELECT 1`.execute(store.db);
  } catch (e) {
    throw new Error(`cannot connect to PostgreSQL at ${store.url}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A store opened read-only must already hold every migration: reading never migrates. */
async function checkUpToDate(store: Store): Promise<void> {
  let done: string[];
  try {
    const table = store.schema ? sql.id(store.schema, 'kysely_migration') : sql.id('kysely_migration');
    done = (await sql<{ name: string }>`SELECT name FROM ${table}`.execute(store.db)).rows.map((r) => r.name);
  } catch {
    throw new Error(`${store.url} is not a kronik store (ingest pages into it first: kronik ingest --db …)`);
  }
  const missing = MIGRATION_NAMES.filter((m) => !done.includes(m));
  if (missing.length)
    throw new Error(
      `${store.url} was written by an older kronik (missing ${missing.join(', ')}); run kronik ingest on it once to update it`,
    );
}

function openSqlite(target: string, readonly: boolean): Store {
  let path = target.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:(\/\/)?/i, '');
  if (path !== ':memory:') {
    path = resolve(path);
    if (readonly && !existsSync(path)) throw new Error(`no store at ${path} (ingest pages into it first: kronik ingest --db ${path} …)`);
    if (!readonly) mkdirSync(dirname(path), { recursive: true });
  }
  const handle = new SqliteDatabase(path, readonly ? { readonly: true, fileMustExist: true } : {});
  // A read-only handle changes nothing, not even the journal mode.
  if (!readonly) handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 10000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    dialect: 'sqlite',
    db,
    url: path,
    schema: null,
    sqlite: handle,
    close: () => db.destroy(),
  };
}

function openPostgres(target: string, opts: OpenStoreOptions): Store {
  const u = new URL(target);
  const schema = opts.schema ?? u.searchParams.get('schema') ?? null;
  u.searchParams.delete('schema');
  // The job queue's schema (src/queue/boss.ts) rides in the same URL.
  u.searchParams.delete('queue_schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: opts.poolSize ?? 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }, schema) });
  return {
    dialect: 'postgres',
    db,
    url: redact(u.toString()),
    schema,
    sqlite: null,
    close: () => db.destroy(),
  };
}

/**
 * PostgreSQL as Kysely speaks it, except that the migrator's look at the catalog is limited to the
 * store's own schema and resolves no names: Kysely's introspector lists the tables of every schema
 * with functions that look each schema up by name, so another session dropping its schema at that
 * moment failed our migration with "schema … does not exist" (the test suites drop theirs as they end).
 */
class OwnSchemaPostgresDialect extends PostgresDialect {
  readonly #schema: string | null;
  constructor(config: PostgresDialectConfig, schema: string | null) {
    super(config);
    this.#schema = schema;
  }
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new OwnSchemaIntrospector(db, this.#schema);
  }
}

class OwnSchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string | null,
  ) {}
  private own() {
    return this.schema === null ? sql`current_schema()` : sql`${this.schema}`;
  }
  async getSchemas(): Promise<SchemaMetadata[]> {
    const r = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname = ${this.own()}`.execute(
      this.db,
    );
    return r.rows;
  }
  async getTables(): Promise<TableMetadata[]> {
    const r = await sql<{ name: string; schema: string; kind: string }>`
      SELECT c.relname AS name, n.nspname AS schema, c.relkind AS kind
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ${this.own()} AND c.relkind IN ('r', 'p', 'v', 'm')`.execute(this.db);
    return r.rows.map((t) => ({ name: t.name, schema: t.schema, isView: t.kind === 'v' || t.kind === 'm', columns: [] }));
  }
  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/**
 * Applies every pending migration. On PostgreSQL, processes opening the same schema at once take
 * turns (an advisory lock per schema), so that two of them never both create it.
 */
export async function migrateStore(store: Store): Promise<void> {
  if (store.dialect !== 'postgres') return runMigrations(store);
  await store.db.connection().execute(async (conn) => {
    const key = store.schema ?? '';
    await sql`SELECT pg_advisory_lock(3, hashtext(${key}))`.execute(conn);
    try {
      if (store.schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(store.schema)}`.execute(conn);
      await runMigrations(store, conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(3, hashtext(${key}))`.execute(conn);
    }
  });
}

async function runMigrations(store: Store, db: Kysely<Database> = store.db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(store.dialect),
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const msg = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${msg}`);
  }
}

/**
 * Runs `fn` in one transaction on one connection. SQLite takes the write lock up front
 * (BEGIN IMMEDIATE) so concurrent writers wait instead of failing mid-transaction.
 */
export async function withTransaction<T>(store: Store, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.connection().execute(async (conn) => {
    await sql.raw(store.dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
    try {
      const out = await fn(conn);
      await sql.raw('COMMIT').execute(conn);
      return out;
    } catch (e) {
      try {
        await sql.raw('ROLLBACK').execute(conn);
      } catch {
        // the connection is gone; the server rolls back by itself
      }
      throw e;
    }
  });
}
