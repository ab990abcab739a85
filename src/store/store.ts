// Opening a chronicle store: SQLite (embedded default) or PostgreSQL, migrated to the latest schema.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { type Database, type Dialect, migrationProvider } from './schema.ts';

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
  const store = isPostgresUrl(target) ? openPostgres(target, opts) : openSqlite(target);
  if (opts.migrate !== false) {
    try {
      await migrateStore(store);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

function openSqlite(target: string): Store {
  let path = target.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:(\/\/)?/i, '');
  if (path !== ':memory:') {
    path = resolve(path);
    mkdirSync(dirname(path), { recursive: true });
  }
  const handle = new SqliteDatabase(path);
  handle.pragma('journal_mode = WAL');
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    url: redact(u.toString()),
    schema,
    sqlite: null,
    close: () => db.destroy(),
  };
}

/** Applies every pending migration. */
export async function migrateStore(store: Store): Promise<void> {
  if (store.dialect === 'postgres' && store.schema) {
    await sql.raw(`CREATE SCHEMA IF NOT EXISTS "${store.schema}"`).execute(store.db);
  }
  const migrator = new Migrator({
    db: store.db,
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
