// The two store backends under test: SQLite in a temp dir, PostgreSQL in fresh schemas.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/store.ts';

export const PG_URL = process.env.KRONIK_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
export const SKIP_PG = process.env.KRONIK_SKIP_PG === '1';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A URL for a fresh, empty store. */
  freshUrl(): Promise<string>;
  /** Opens a fresh, empty store. */
  fresh(): Promise<Store>;
  /** Drops everything this backend created. */
  cleanup(): Promise<void>;
}

export function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'kronik-store-'));
  let n = 0;
  const freshUrl = async () => join(dir, `store-${++n}.db`);
  return {
    name: 'sqlite',
    freshUrl,
    fresh: async () => openStore(await freshUrl()),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Null when PG is unreachable and KRONIK_SKIP_PG=1; throws a clear error when unreachable otherwise. */
export async function postgresBackend(): Promise<Backend | null> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
  } catch (e) {
    await admin.end().catch(() => {});
    if (SKIP_PG) return null;
    throw new Error(
      `PostgreSQL is unreachable at ${PG_URL} (${e instanceof Error ? e.message : String(e)}). ` +
        'Start it, point KRONIK_TEST_PG at another server, or set KRONIK_SKIP_PG=1 to skip the PostgreSQL tests.',
    );
  }
  const prefix = `kronik_t${process.pid}_${randomBytes(3).toString('hex')}`;
  const schemas: string[] = [];
  const freshUrl = async () => {
    const schema = `${prefix}_${schemas.length + 1}`;
    schemas.push(schema);
    const u = new URL(PG_URL);
    u.searchParams.set('schema', schema);
    return u.toString();
  };
  return {
    name: 'postgres',
    freshUrl,
    fresh: async () => openStore(await freshUrl()),
    cleanup: async () => {
      try {
        // A store's job queue lives in "<schema>_queue" (src/queue/boss.ts), created by the test too.
        for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}", "${s}_queue" CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * Runs `suite` as "<name> (postgres)" on a fresh backend. An unreachable PostgreSQL is a failing test unless
 * KRONIK_SKIP_PG=1 asks to skip it. Returns the backend (cleaned up after the file), or null.
 */
export async function describeOnPostgres(name: string, suite: (backend: () => Backend) => void): Promise<Backend | null> {
  let pgBackend: Backend | null = null;
  let pgError: unknown = null;
  try {
    pgBackend = await postgresBackend();
  } catch (e) {
    pgError = e;
  }
  after(() => pgBackend?.cleanup());
  describe(`${name} (postgres)`, { skip: !pgBackend && !pgError ? 'KRONIK_SKIP_PG=1 and PostgreSQL unreachable' : false }, () => {
    if (pgError) {
      test('PostgreSQL is reachable', () => {
        throw pgError;
      });
      return;
    }
    suite(() => pgBackend as Backend);
  });
  return pgBackend;
}

/**
 * Runs `suite` as "<name> (sqlite)" and "<name> (postgres)". An unreachable PostgreSQL is a failing test
 * unless KRONIK_SKIP_PG=1 asks to skip it. Returns the PostgreSQL backend (cleaned up after the file).
 */
export async function describeOnBothBackends(name: string, suite: (backend: () => Backend) => void): Promise<Backend | null> {
  const sqlite = sqliteBackend();
  describe(`${name} (sqlite)`, () => {
    after(() => sqlite.cleanup());
    suite(() => sqlite);
  });
  return describeOnPostgres(name, suite);
}
