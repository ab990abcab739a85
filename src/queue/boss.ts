// The job queue: pg-boss (v10) in the chronicle's own PostgreSQL database, in a schema of its own.
import PgBoss from 'pg-boss';
import { isPostgresUrl } from '../store/store.ts';

/** The queue every page job goes to, and where a job lands after its last failed try. */
export const PAGES_QUEUE = 'kronik-pages';
export const DEAD_LETTER_QUEUE = 'kronik-pages-dead';

/** How a job is retried and when a job whose worker vanished is given to another worker. */
export interface RetryPolicy {
  /** Tries after the first one (transient failures only: a bad page fails at once). */
  retries: number;
  /** Seconds before the first retry; doubled each time (with jitter). */
  retryDelaySeconds: number;
  /** A job still active this long is taken as lost (worker killed) and retried. */
  jobTimeoutSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, retryDelaySeconds: 10, jobTimeoutSeconds: 300 };

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,49}$/;

/**
 * The PostgreSQL schema holding the queue's tables: `?queue_schema=NAME` in the URL, else
 * `<chronicle schema>_queue` when the chronicle has a schema (`?schema=`), else `kronik_queue`.
 * So two chronicles in one database never share a queue.
 */
export function queueSchemaFor(url: string): string {
  const u = new URL(url);
  const explicit = u.searchParams.get('queue_schema');
  const chronicle = u.searchParams.get('schema');
  const schema = explicit ?? (chronicle ? `${chronicle}_queue` : 'kronik_queue');
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid queue schema name: ${schema} (letters, digits, _; at most 50)`);
  return schema;
}

/** The connection string without kronik's own parameters (schema, queue_schema); `-c SETTING`s added to its options. */
function connectionString(url: string, settings: string[] = []): string {
  const u = new URL(url);
  u.searchParams.delete('schema');
  u.searchParams.delete('queue_schema');
  if (settings.length) {
    const given = u.searchParams.get('options');
    u.searchParams.set('options', [given, ...settings.map((s) => `-c ${s}`)].filter(Boolean).join(' '));
  }
  return u.toString();
}

export function assertQueueUrl(url: string | undefined): string {
  if (!url || !isPostgresUrl(url)) {
    throw new Error(
      `the job queue needs PostgreSQL: pass --db postgres://… or set KRONIK_DB (got ${url ? JSON.stringify(url) : 'nothing'}); ` +
        'with SQLite use `kronik ingest`, or `kronik watch` which ingests in-process',
    );
  }
  return url;
}

export interface OpenQueueOptions {
  /** Run pg-boss maintenance (expiring jobs of vanished workers, archiving). Workers do; enqueue/status need not. */
  supervise?: boolean;
  /** Seconds between maintenance runs (default: a quarter of the job timeout, 1–60 s). */
  maintenanceIntervalSeconds?: number;
  /** Connections in pg-boss's own pool. */
  poolSize?: number;
  applicationName?: string;
  /**
   * Commit the queue's own statements (taking, completing and failing jobs) without waiting for the
   * write-ahead log to reach the disk: a worker's two commits a batch then cost no disk flush. Safe for
   * workers only: should PostgreSQL itself crash, the last fraction of a second of job states may be
   * lost, so a job taken or completed just before is run again, which changes nothing (ingest is
   * idempotent, and its own transaction still commits synchronously). Never for `enqueue` or `watch`,
   * whose new jobs must not be lost.
   */
  asyncCommit?: boolean;
}

export interface Queue {
  readonly boss: PgBoss;
  readonly schema: string;
  /** Runs SQL on the queue's pool (the queue's tables are `<schema>.job` and `<schema>.archive`). */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Starts pg-boss on the database of `url` (creating its schema and our two queues when missing). */
export async function openQueue(url: string, opts: OpenQueueOptions = {}): Promise<Queue> {
  assertQueueUrl(url);
  const schema = queueSchemaFor(url);
  const boss = new PgBoss({
    connectionString: connectionString(url, opts.asyncCommit ? ['synchronous_commit=off'] : []),
    schema,
    max: opts.poolSize ?? 2,
    application_name: opts.applicationName ?? 'kronik',
    supervise: opts.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    // Finished jobs stay visible to `kronik status` for a day, then move to the archive for a week.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 7,
  });
  // pg-boss reports connection trouble as events; a lost idle connection must not end the process.
  const errors: Error[] = [];
  boss.on('error', (e) => errors.push(e));
  try {
    await boss.start();
    await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE, retentionMinutes: 60 * 24 * 30 });
    await boss.createQueue(PAGES_QUEUE, { name: PAGES_QUEUE, deadLetter: DEAD_LETTER_QUEUE });
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw new Error(`cannot open the job queue (schema ${schema}): ${e instanceof Error ? e.message : String(e)}`);
  }
  const db = boss.getDb();
  return {
    boss,
    schema,
    query: async <T>(text: string, values: unknown[] = []) => (await db.executeSql(text, values)).rows as T[],
    close: () => boss.stop({ graceful: false, wait: true, timeout: 1000 }),
  };
}

/**
 * Makes the active job `id` fail for good on its next `fail`: a page that cannot be read or coded
 * fails the same way every time, so retrying it would only fetch and code it again. pg-boss 10 has
 * no call for this; it retries while retry_count < retry_limit, so the limit is lowered to the count.
 */
export async function noMoreRetries(queue: Queue, id: string): Promise<void> {
  await queue.query(`UPDATE "${queue.schema}".job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [
    PAGES_QUEUE,
    id,
  ]);
}

/**
 * Completes several active jobs in one statement, each with its own output. pg-boss 10's complete()
 * gives every job of a call the same output; this is its UPDATE with one output per job.
 */
export async function completeJobs(queue: Queue, done: { id: string; output: object }[]): Promise<void> {
  if (!done.length) return;
  await queue.query(
    `WITH v AS (SELECT unnest($2::uuid[]) AS id, unnest($3::jsonb[]) AS output)
     UPDATE "${queue.schema}".job j SET completed_on = now(), state = 'completed', output = v.output
       FROM v WHERE j.name = $1 AND j.id = v.id AND j.state = 'active'`,
    [PAGES_QUEUE, done.map((d) => d.id), done.map((d) => JSON.stringify(d.output))],
  );
}
