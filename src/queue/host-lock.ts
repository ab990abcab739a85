// The per-host request lock across worker processes: a PostgreSQL advisory lock in the chronicle's
// database, held on one connection while the request and its pause run. A worker that dies
// releases it with its connection.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CrossProcessLock } from '../fetch/host-gate.ts';
import type { Store } from '../store/store.ts';

/** Advisory lock class of host locks (ingest.ts uses 1 for documents and 2 for merge blocks). */
const HOST_LOCK_CLASS = 3;

const hostKey = (host: string) => createHash('sha256').update(host).digest().readInt32BE(0);

/** A cross-process host lock on a PostgreSQL store; null on SQLite (one process writes it). */
export function advisoryHostLock(store: Store): CrossProcessLock | null {
  if (store.dialect !== 'postgres') return null;
  return (host, fn) =>
    store.db.connection().execute(async (conn) => {
      const key = hostKey(host);
      await sql`SELECT pg_advisory_lock(${HOST_LOCK_CLASS}, ${key})`.execute(conn);
      try {
        return await fn();
      } finally {
        await sql`SELECT pg_advisory_unlock(${HOST_LOCK_CLASS}, ${key})`.execute(conn);
      }
    });
}
