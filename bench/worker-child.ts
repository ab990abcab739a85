// A worker process of the workers benchmark (bench/workers.ts): opens the store and the queue, warms up
// (lexicons loaded and compiled, the JIT warmed, by coding every fourth page of the queued jobs, as the
// single-process ingest it is compared with has coded them all before it is timed), prints "ready",
// waits for "go" on stdin, works until the queue is empty, prints "done <totals JSON with the CPU
// seconds it used>".
// Usage: node --import tsx bench/worker-child.ts DB_URL (KRONIK_BENCH_BATCH, KRONIK_BENCH_CONCURRENCY: the worker's --batch and --concurrency)
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { processRaw } from '../src/pipeline.ts';
import { openQueue, PAGES_QUEUE } from '../src/queue/boss.ts';
import { parseJob } from '../src/queue/jobs.ts';
import { startWorker } from '../src/queue/worker.ts';
import { openStore } from '../src/store/store.ts';

/**
 * Wall time spent waiting on PostgreSQL, by whose statement it is: the queue's (pg-boss fetch, complete,
 * the idle check) or the store's (ingest; of which its advisory locks, held by other workers). With one batch at a time (concurrency 1) the rest of the
 * worker's wall time is coding and its own bookkeeping.
 */
const waited = { queueMs: 0, storeMs: 0, lockMs: 0, statements: 0 };
let queueSchema = '\u0000';
let counting = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (!counting) return query.apply(this, args);
  const a = args[0] as string | { text?: string };
  const text = typeof a === 'string' ? a : (a?.text ?? '');
  const t0 = performance.now();
  const add = () => {
    const ms = performance.now() - t0;
    waited.statements++;
    if (text.includes(queueSchema)) waited.queueMs += ms;
    else waited.storeMs += ms;
    // Ingest's advisory locks on documents and event blocks: waiting there is waiting for another worker.
    if (text.includes('pg_advisory_xact_lock')) waited.lockMs += ms;
  };
  // pg.Pool#query (pg-boss) passes a callback; Kysely awaits the promise.
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === 'function') {
    args[last] = (...r: unknown[]) => {
      add();
      return (callback as (...x: unknown[]) => unknown)(...r);
    };
    return query.apply(this, args);
  }
  const result = query.apply(this, args);
  if (result instanceof Promise) result.then(add, add);
  return result;
} as typeof pg.Client.prototype.query;

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: worker-child.ts DB_URL');
const store = await openStore(url, { poolSize: 2, migrate: false });
// The queue's connections carry the same application_name as the store's (the benchmark meters them).
const queue = await openQueue(url, { applicationName: new URL(url).searchParams.get('application_name') ?? 'kronik bench worker' });
queueSchema = `"${queue.schema}"`;
const rows = await queue.query<{ data: unknown }>(`SELECT data FROM "${queue.schema}".job WHERE name = $1 ORDER BY id`, [PAGES_QUEUE]);
rows.forEach((r, i) => {
  const job = parseJob(r.data);
  if (i % 4 === 0 && 'pages' in job) for (const p of job.pages) processRaw(p);
});
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.destroy(); // an open stdin would keep the process alive after the work
const cpu0 = process.cpuUsage();
const t0 = performance.now();
counting = true;
const batchSize = process.env.KRONIK_BENCH_BATCH ? Number(process.env.KRONIK_BENCH_BATCH) : undefined;
const concurrency = process.env.KRONIK_BENCH_CONCURRENCY ? Number(process.env.KRONIK_BENCH_CONCURRENCY) : undefined;
const worker = startWorker(store, queue, { exitWhenIdle: true, pollMs: 20, batchSize, concurrency });
const totals = await worker.done;
const cpu = process.cpuUsage(cpu0);
counting = false;
const wallMs = performance.now() - t0;
process.stdout.write(`done ${JSON.stringify({ ...totals, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallMs, ...waited })}\n`);
await queue.close();
await store.close();
