// `kronik worker`: takes page jobs from the queue and processes them, N at a time.
//
// Guarantees, with pg-boss underneath:
// - a job is taken by one worker at a time (SELECT … FOR UPDATE SKIP LOCKED);
// - a worker killed mid-job leaves its job active; after the job timeout pg-boss's maintenance
//   (run by every live worker) fails it as expired and it is retried, so nothing is lost;
// - a job run twice (retried, or expired while still running) changes nothing the second time,
//   because ingest is idempotent per document;
// - stop() (SIGTERM) fetches no new job, finishes and completes the jobs in hand, then returns.

import type { Store } from '../store/store.ts';
import { completeJobs, noMoreRetries, PAGES_QUEUE, type Queue } from './boss.ts';
import { type JobFailure, type JobOutput, type PageJob, parseJob } from './jobs.ts';
import { JobError, type JobResult, type ProcessJobDeps, processJobs } from './process-job.ts';

/** Jobs a worker takes from the queue in one round trip. */
export const DEFAULT_BATCH_SIZE = 10;

export interface WorkerOptions extends ProcessJobDeps {
  /** Batches of jobs processed at once by this process (default 1): while one waits on the database, another is coded. */
  concurrency?: number;
  /** Jobs taken from the queue in one round trip and processed together (default 10; see processJobs). */
  batchSize?: number;
  /** Return once the queue holds no queued or active job (default: run until stopped). */
  exitWhenIdle?: boolean;
  /** Milliseconds between looks at an empty queue (default 1000). */
  pollMs?: number;
  /** Told about every finished or failed job. */
  onJob?: (e: JobEvent) => void;
  /** Told when the queue or the store cannot be reached (the worker keeps trying). */
  onError?: (e: Error) => void;
}

export type JobEvent =
  | { id: string; ok: true; output: JobOutput; ms: number }
  | { id: string; ok: false; failure: JobFailure; final: boolean; ms: number };

export interface WorkerTotals {
  jobs: number;
  failed: number;
  pages: number;
  new: number;
  unchanged: number;
  replaced: number;
  skipped: number;
}

export interface Worker {
  /** Resolves when the worker has stopped (idle with exitWhenIdle, or after stop()). */
  readonly done: Promise<WorkerTotals>;
  /** Takes no new job; the jobs in hand are finished. */
  stop(): void;
  readonly totals: WorkerTotals;
}

/** Jobs waiting (created or retry, due or not) and active, over every worker. */
export async function queueBacklog(queue: Queue): Promise<{ queued: number; active: number }> {
  const [row] = await queue.query<{ queued: string; active: string }>(
    `SELECT count(*) FILTER (WHERE state < 'active') AS queued, count(*) FILTER (WHERE state = 'active') AS active
       FROM "${queue.schema}".job WHERE name = $1`,
    [PAGES_QUEUE],
  );
  return { queued: Number(row?.queued ?? 0), active: Number(row?.active ?? 0) };
}

function failureOf(e: unknown): JobFailure {
  if (e instanceof JobError) return e.failure;
  return { message: e instanceof Error ? e.message : String(e), failures: [], transient: true };
}

/** Starts a worker on `queue`, storing into `store`. */
export function startWorker(store: Store, queue: Queue, opts: WorkerOptions = {}): Worker {
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const pollMs = opts.pollMs ?? 1000;
  const totals: WorkerTotals = { jobs: 0, failed: 0, pages: 0, new: 0, unchanged: 0, replaced: 0, skipped: 0 };
  let stopping = false;
  let inHand = 0;
  const sleepers = new Set<() => void>();
  const stop = () => {
    stopping = true;
    for (const wake of sleepers) wake();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  /** Runs jobs taken together; the successes are completed in one statement, failures one by one. */
  const runBatch = async (jobs: { id: string; data: unknown }[]) => {
    const t0 = Date.now();
    const parsed: { id: string; job: PageJob }[] = [];
    const results = new Map<string, JobResult>();
    for (const { id, data } of jobs) {
      try {
        parsed.push({ id, job: parseJob(data) });
      } catch (e) {
        results.set(id, { ok: false, failure: failureOf(e) });
      }
    }
    const processed = await processJobs(
      store,
      parsed.map((p) => p.job),
      opts,
    );
    for (const [i, p] of parsed.entries()) results.set(p.id, processed[i]!);
    const done = jobs.flatMap(({ id }) => {
      const r = results.get(id)!;
      return r.ok ? [{ id, output: r.output }] : [];
    });
    await completeJobs(queue, done);
    const ms = Date.now() - t0;
    for (const { id, output } of done) {
      totals.jobs++;
      totals.pages += output.pages;
      totals.new += output.new;
      totals.unchanged += output.unchanged;
      totals.replaced += output.replaced;
      totals.skipped += output.skipped;
      opts.onJob?.({ id, ok: true, output, ms });
    }
    for (const { id } of jobs) {
      const r = results.get(id)!;
      if (r.ok) continue;
      const failure = r.failure;
      if (!failure.transient) await noMoreRetries(queue, id);
      const [row] = await queue.query<{ retry_count: number; retry_limit: number }>(
        `SELECT retry_count, retry_limit FROM "${queue.schema}".job WHERE name = $1 AND id = $2`,
        [PAGES_QUEUE, id],
      );
      await queue.boss.fail(PAGES_QUEUE, id, failure);
      totals.failed++;
      opts.onJob?.({ id, ok: false, failure, final: !row || row.retry_count >= row.retry_limit, ms: Date.now() - t0 });
    }
  };

  const step = async (): Promise<'worked' | 'idle'> => {
    const jobs = await queue.boss.fetch(PAGES_QUEUE, { batchSize });
    if (jobs.length) {
      inHand++;
      try {
        await runBatch(jobs);
      } finally {
        inHand--;
      }
      return 'worked';
    }
    if (opts.exitWhenIdle && inHand === 0) {
      const b = await queueBacklog(queue);
      if (b.queued === 0 && b.active === 0 && inHand === 0) stop();
    }
    return 'idle';
  };

  const loop = async () => {
    let errors = 0;
    while (!stopping) {
      try {
        if ((await step()) === 'worked') {
          errors = 0;
          continue;
        }
        errors = 0;
        if (!stopping) await sleep(pollMs);
      } catch (e) {
        // The database went away or refused: say so and try again, backing off up to a minute.
        // A job in hand when this happened stays active and is retried after its timeout.
        errors++;
        opts.onError?.(e instanceof Error ? e : new Error(String(e)));
        if (!stopping) await sleep(Math.min(60_000, pollMs * 2 ** Math.min(errors, 6)));
      }
    }
  };

  const done = Promise.all(Array.from({ length: concurrency }, loop)).then(() => totals);
  return { done, stop, totals };
}
